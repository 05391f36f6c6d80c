using ClosedXML.Excel;
using Microsoft.Playwright;
using Npgsql;
using Telephony.TestKit.Browser;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Pages;

/// <summary>A supervisor's reports page against the real server: figures of yesterday, the stored XLSX read back.</summary>
public sealed class ReportsPageTests(DemoHostFixture demo, BrowserFixture browser) : IClassFixture<DemoHostFixture>, IClassFixture<BrowserFixture>
{
    private static readonly TimeZoneInfo Baku = TimeZoneInfo.FindSystemTimeZoneById("Asia/Baku");

    /// <summary>Yesterday in the hotline's time zone, and three calls at 10:00 local: answered in 10 s, answered in 30 s, abandoned after 40 s.</summary>
    private async Task<DateOnly> SeedYesterdayAsync()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Baku).DateTime);
        var day = today.AddDays(-1);
        var tenLocal = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), Baku.GetUtcOffset(day.ToDateTime(new TimeOnly(10, 0)))).ToUniversalTime();
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            var started = tenLocal.AddMinutes(i);
            var answered = i < 2;
            var waitMs = i switch { 0 => 10_000, 1 => 30_000, _ => 40_000 };
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO call_records (id, sip_call_id, host_id, caller, dialed, started_at, ended_at, language, queue_id, queued_at,
                    agent_id, agent_answered_at, wait_ms, talk_ms, wrap_up_ms, outcome)
                VALUES ($1, $2, 'test', '0501234567', '100', $3, $4, 'ru', 'transfers', $3, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (id) DO NOTHING
                """, connection);
            command.Parameters.Add(new() { Value = new Guid(i + 1, 0, 0, new byte[8]) });
            command.Parameters.Add(new() { Value = $"report-call-{i}" });
            command.Parameters.Add(new() { Value = started });
            command.Parameters.Add(new() { Value = started.AddMinutes(3) });
            command.Parameters.Add(new() { Value = answered ? "1003" : DBNull.Value });
            command.Parameters.Add(new() { Value = answered ? started.AddMilliseconds(waitMs) : DBNull.Value });
            command.Parameters.Add(new() { Value = waitMs });
            command.Parameters.Add(new() { Value = answered ? 120_000 : DBNull.Value });
            command.Parameters.Add(new() { Value = answered ? 10_000 : DBNull.Value });
            command.Parameters.Add(new() { Value = answered ? "answered" : "abandoned" });
            await command.ExecuteNonQueryAsync();
        }

        return day;
    }

    [Fact]
    public async Task Supervisor_sees_yesterdays_figures_and_downloads_the_xlsx_with_the_same_figures()
    {
        var day = await SeedYesterdayAsync();
        var page = await browser.NewPageAsync(demo.BaseUrl);
        await page.GotoAsync("/login?lang=en");
        await page.FillAsync("#username", "supervisor");
        await page.FillAsync("#password", demo.PasswordOf("supervisor"));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        await page.ClickAsync("a[href='/reports']");

        await page.SelectOptionAsync("#kind", "daily");
        await page.FillAsync("#period", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#generate");

        var summaryRow = page.Locator("table[data-table='Summary'] tr").Nth(1);
        await Assertions.Expect(summaryRow.Locator("td").Nth(1)).ToHaveTextAsync("3");
        await Assertions.Expect(summaryRow.Locator("td").Nth(2)).ToHaveTextAsync("2");
        await Assertions.Expect(summaryRow.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await Assertions.Expect(summaryRow.Locator("td").Nth(5)).ToHaveTextAsync("33.3");
        await Assertions.Expect(page.Locator("#charts img")).ToHaveCountAsync(2);
        var chart = await page.Locator("#charts img").First.EvaluateAsync<int>("img => img.naturalWidth");
        Assert.True(chart > 100, "the chart image did not load");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#links a[href$='.xlsx']").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await download.SaveAsAsync(path);
        using var workbook = new XLWorkbook(path);
        var summary = workbook.Worksheet("Summary");
        double Figure(string name) => summary.CellsUsed().First(c => c.GetString() == name).CellRight().GetDouble();
        Assert.Equal(3, Figure("Offered"));
        Assert.Equal(2, Figure("Answered"));
        Assert.Equal(1, Figure("Abandoned"));
        Assert.Equal(33.3, Figure("Service level %"), 1);
    }

    [Fact]
    public async Task Reports_api_refuses_an_agent()
    {
        using var agent = demo.ClientFor("agent1001");

        using var response = await agent.PostAsync(new Uri("api/reports/daily?period=2026-11-23", UriKind.Relative), null);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Reports_api_answers_400_for_a_period_it_cannot_read()
    {
        using var supervisor = demo.ClientFor("supervisor");

        using var response = await supervisor.PostAsync(new Uri("api/reports/daily?period=yesterday-ish", UriKind.Relative), null);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
