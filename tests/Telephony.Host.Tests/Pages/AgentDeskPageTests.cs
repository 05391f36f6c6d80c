using System.Net.Http.Json;
using Microsoft.Playwright;
using Npgsql;
using Telephony.TestKit.Browser;
using Telephony.TestKit.Host;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.Pages;

/// <summary>
/// The agent desktop and the supervisor page in a real browser with real phones: agent 1003's baresip phone registers
/// (digest, auto-answer), the agent takes a break, a baresip caller chooses Russian and diploma recognition and waits
/// (the supervisor sees it waiting), the agent goes available and gets the call card, the caller hangs up, the agent
/// completes the wrap-up with a disposition stored on the call record, and the supervisor sees the call answered.
/// </summary>
public sealed class AgentDeskPageTests(DemoHostFixture demo, BrowserFixture browser) : IClassFixture<DemoHostFixture>, IClassFixture<BrowserFixture>
{
    private const string CallerNumber = "0501234568";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly LocatorAssertionsToHaveTextOptions Long = new() { Timeout = 60_000 };

    [Fact]
    public async Task Agent_goes_available_gets_the_call_card_and_completes_wrap_up_while_the_supervisor_sees_the_call_wait_and_be_answered()
    {
        using var supervisorApi = demo.ClientFor("supervisor");
        foreach (var other in new[] { "1001", "1002", "1004" })
        {
            using var response = await supervisorApi.PutAsJsonAsync(new Uri($"api/agents/{other}/status", UriKind.Relative), new { status = "loggedOut" });
            Assert.True(response.IsSuccessStatusCode, $"log out {other}: {response.StatusCode}");
        }

        await using var phone = await BaresipPhone.StartAsync(new BaresipPhoneOptions
        {
            User = "1003",
            Registrar = $"127.0.0.1:{demo.Host.SipPort}",
            Password = demo.Credentials.Agents.Single(a => a.Extension == "1003").SipPassword,
            AutoAnswer = true,
            ToneHz = 1000,
        });
        await phone.WaitForRegistrationAsync(Wait);

        var agent = await SignInAsync("agent1003", "/agent");
        var supervisor = await SignInAsync("supervisor", "/supervisor");
        await Assertions.Expect(agent.Locator("#extension")).ToHaveTextAsync("1003");
        await agent.SelectOptionAsync("#break-reason", "lunch");
        await agent.ClickAsync("#break");
        await Assertions.Expect(agent.Locator("#status")).ToHaveTextAsync("On break");
        await Assertions.Expect(agent.Locator("#break-shown")).ToHaveTextAsync("(Lunch)");
        await Assertions.Expect(supervisor.Locator("#agents tr[data-agent='1003'][data-status='break']")).ToHaveCountAsync(1);

        await using var caller = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = CallerNumber, ToneHz = 440 });
        await caller.DialAsync($"sip:100@127.0.0.1:{demo.Host.SipPort}");
        await caller.WaitForEventAsync("CALL_ESTABLISHED", Wait);
        // Keys typed ahead of the prompts: 2 in the greeting chooses Russian, 4 in the topic menu diploma recognition.
        await Task.Delay(TimeSpan.FromSeconds(9));
        await caller.SendDigitsAsync("2");
        await Task.Delay(TimeSpan.FromSeconds(9));
        await caller.SendDigitsAsync("4");

        var waiting = supervisor.Locator($"#callers tr[data-caller='{CallerNumber}']");
        await Assertions.Expect(waiting).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Assertions.Expect(waiting.Locator("td").Nth(0)).ToHaveTextAsync("recognition");
        await Assertions.Expect(waiting.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Assertions.Expect(waiting.Locator("td").Nth(3)).ToHaveTextAsync("Russian");
        await Assertions.Expect(waiting.Locator("td").Nth(4)).ToHaveTextAsync("Diploma recognition");
        await Assertions.Expect(supervisor.Locator("#queues tr[data-queue='recognition'] td").Nth(1)).ToHaveTextAsync("1");
        await Assertions.Expect(agent.Locator("#call")).ToBeHiddenAsync();

        await agent.ClickAsync("#available");
        await Assertions.Expect(agent.Locator("#status")).ToHaveTextAsync("Available");
        await phone.WaitForEventAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(60));
        await Assertions.Expect(agent.Locator("#state")).ToHaveTextAsync("On call", Long);
        await Assertions.Expect(agent.Locator("#call-caller")).ToHaveTextAsync(CallerNumber);
        await Assertions.Expect(agent.Locator("#call-language")).ToHaveTextAsync("Russian");
        await Assertions.Expect(agent.Locator("#call-topic")).ToHaveTextAsync("Diploma recognition");
        await Assertions.Expect(agent.Locator("#call-queue")).ToHaveTextAsync("recognition");
        await Assertions.Expect(agent.Locator("#call-path")).ToContainTextAsync("→");
        var onCall = supervisor.Locator("#agents tr[data-agent='1003'][data-state='onCall']");
        await Assertions.Expect(onCall).ToHaveCountAsync(1);
        await Assertions.Expect(onCall).ToContainTextAsync(CallerNumber);
        await Assertions.Expect(supervisor.Locator("#callers tbody tr")).ToHaveCountAsync(0);

        await caller.HangupAsync();
        await caller.WaitForEventAsync("CALL_CLOSED", Wait);
        await phone.WaitForEventAsync("CALL_CLOSED", Wait);
        // The demo queues' wrap-up lasts 10 s; past it the form stays up for the last call, so the disposition is kept either way.
        await Assertions.Expect(agent.Locator("#wrapup")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("#wrapup-caller")).ToHaveTextAsync(CallerNumber);
        await agent.SelectOptionAsync("#disposition", "information-given");
        await agent.FillAsync("#notes", "Explained the recognition documents");
        await agent.ClickAsync("#complete");
        await Assertions.Expect(agent.Locator("#wrapup-saved")).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("#wrapup")).ToBeHiddenAsync();
        await Assertions.Expect(agent.Locator("#state")).ToHaveTextAsync("Idle", Long);

        await Assertions.Expect(supervisor.Locator("#agents tr[data-agent='1003'][data-state='idle']")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        var recognition = supervisor.Locator("#queues tr[data-queue='recognition'] td");
        await Assertions.Expect(recognition.Nth(1)).ToHaveTextAsync("0", Long);
        await Assertions.Expect(recognition.Nth(4)).ToHaveTextAsync("1", Long);
        Assert.Equal(("answered", "information-given", "Explained the recognition documents"), await RecordOfAsync(CallerNumber));
    }

    [Fact]
    public async Task Agent_desktop_speaks_azerbaijani_and_the_supervisor_page_russian()
    {
        var agent = await SignInAsync("agent1001", "/agent", "az");
        var supervisor = await SignInAsync("supervisor", "/supervisor", "ru");

        await Assertions.Expect(agent.Locator("h1 [data-i18n='desk.title']")).ToHaveTextAsync("Operatorun iş yeri");
        await Assertions.Expect(agent.Locator("#available")).ToHaveTextAsync("Hazıram");
        await Assertions.Expect(agent.Locator("#break-reason option[value='lunch']")).ToHaveTextAsync("Nahar");
        await Assertions.Expect(agent.Locator("#state")).ToHaveTextAsync("Boş");
        await Assertions.Expect(supervisor.Locator("h1")).ToHaveTextAsync("Очереди и операторы");
        await Assertions.Expect(supervisor.Locator("#agents tr[data-agent='1001'] td").Nth(2)).ToHaveTextAsync("Свободен");
    }

    private async Task<IPage> SignInAsync(string user, string path, string language = "en")
    {
        var page = await browser.NewPageAsync(demo.BaseUrl);
        await page.GotoAsync($"/login?lang={language}");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", demo.PasswordOf(user));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        await page.ClickAsync($"header nav a[href='{path}']");
        await page.WaitForURLAsync(url => url.EndsWith(path, StringComparison.Ordinal));
        return page;
    }

    private async Task<(string Outcome, string? Disposition, string? Notes)> RecordOfAsync(string callerNumber)
    {
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT outcome, disposition, notes FROM call_records WHERE caller = $1", connection);
        command.Parameters.Add(new() { Value = callerNumber });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no call record of " + callerNumber);
        return (reader.GetString(0), await reader.IsDBNullAsync(1) ? null : reader.GetString(1), await reader.IsDBNullAsync(2) ? null : reader.GetString(2));
    }
}
