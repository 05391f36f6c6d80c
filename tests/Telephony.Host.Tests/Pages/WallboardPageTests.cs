using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Telephony.Host.Tests.EndToEnd;
using Telephony.TestKit.Browser;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Pages;

/// <summary>A supervisor's wallboard against the real server while a real SIP caller (baresip) joins a queue nobody can serve, then hangs up.</summary>
public sealed class WallboardPageTests(DemoHostFixture demo, BrowserFixture browser) : IClassFixture<DemoHostFixture>, IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions CallTimeout = new() { Timeout = 45_000 };

    [Fact]
    public async Task Supervisor_wallboard_counts_a_caller_waiting_in_admission_then_none_and_one_abandoned_after_the_hang_up()
    {
        using var supervisor = demo.ClientFor("supervisor");
        foreach (var extension in new[] { "1001", "1002", "1003", "1004" })
        {
            using var response = await supervisor.PutAsJsonAsync(new Uri($"api/agents/{extension}/status", UriKind.Relative), new { status = "loggedOut" });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await DemoCaller.WaitForPromptsAsync(demo);
        var page = await browser.NewPageAsync(demo.BaseUrl);
        await page.GotoAsync("/login?lang=en");
        await page.FillAsync("#username", "supervisor");
        await page.FillAsync("#password", demo.PasswordOf("supervisor"));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        await page.ClickAsync("a[href='/wallboard']");

        var admission = page.Locator("[data-queue='admission']");
        var waiting = admission.Locator("[data-figure='waiting'] .wb-number");
        await Assertions.Expect(waiting).ToHaveTextAsync("0");
        await Assertions.Expect(admission.Locator("[data-figure='agentsAvailable'] .wb-number")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-state='logged_out'] .wb-number")).ToHaveTextAsync("4");
        await Assertions.Expect(page.Locator("[data-total='waiting'] .wb-number")).ToHaveTextAsync("0");

        // English (3), then admission (1): the caller waits, since every agent is logged out.
        await using var phone = await DemoCaller.DialIntoQueueAsync(demo, "0551112233", "3", "1");

        await Assertions.Expect(waiting).ToHaveTextAsync("1", CallTimeout);
        await Assertions.Expect(page.Locator("[data-total='waiting'] .wb-number")).ToHaveTextAsync("1");
        await Assertions.Expect(admission).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alarm"));
        var metrics = await PrometheusText.ScrapeAsync(demo.Host.Http);
        Assert.Equal(1, metrics.Value("telephony_acd_queue_waiting", "queue", "admission"));
        Assert.Equal(1, metrics.Value("telephony_calls_waiting"));
        Assert.Equal(1, metrics.Value("telephony_acd_queue_offered_today", "queue", "admission"));

        await Task.Delay(TimeSpan.FromSeconds(6));
        await phone.HangupAsync();
        await phone.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(30));

        await Assertions.Expect(waiting).ToHaveTextAsync("0", CallTimeout);
        await Assertions.Expect(admission.Locator("[data-figure='abandoned'] .wb-number")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-total='waiting'] .wb-number")).ToHaveTextAsync("0");
    }
}
