using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Telephony.Host.Tests.Recording;
using Telephony.TestKit.Browser;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Pages;

/// <summary>
/// QA review in a real browser against the real host, on a conversation written by the real recorder: QA filters, plays
/// and scores it; the agent of the call then sees the evaluation on their page and acknowledges it.
/// </summary>
public sealed class QaPageTests(DemoHostFixture demo, BrowserFixture browser) : IClassFixture<DemoHostFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Qa_filters_plays_and_scores_a_recording_then_the_agent_sees_and_acknowledges_the_evaluation()
    {
        Guid recordingId;
        await using (var rig = new RecordingRig(demo.ConnectionString, demo.Host.DataDirectory, "page-test-recorder"))
        {
            recordingId = (await rig.RecordCallAsync("0557770011", "1004", "admission", TimeSpan.FromSeconds(3))).Id;
        }

        var qa = await SignInAsync("qa");
        await qa.ClickAsync("a[href='/qa']");
        await qa.FillAsync("#caller", "7770011");
        await qa.SelectOptionAsync("#evaluated", "false");
        await qa.ClickAsync("#search");
        var rows = qa.Locator("#recordings tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-recording", recordingId.ToString());
        await Assertions.Expect(rows.First.Locator("td").Nth(2)).ToHaveTextAsync("1004");

        await rows.First.Locator("button.open").ClickAsync();
        await qa.WaitForFunctionAsync("() => document.getElementById('player').readyState >= 1");
        var duration = await qa.EvaluateAsync<double>("() => document.getElementById('player').duration");
        Assert.Equal(3.0, duration, 2);
        await qa.EvaluateAsync("() => document.getElementById('player').play()");
        await qa.WaitForFunctionAsync("() => document.getElementById('player').currentTime > 0.2");
        using (var admin = demo.ClientFor("admin"))
        {
            var played = await admin.GetFromJsonAsync<List<Telephony.Host.Audit.AuditEntry>>(
                new Uri("api/audit?action=recording-played", UriKind.Relative), new JsonSerializerOptions(JsonSerializerDefaults.Web));
            Assert.Contains(played!, e => e.Actor == "qa" && e.Subject == recordingId.ToString());
        }

        await Assertions.Expect(qa.Locator("#criteria .criterion")).ToHaveCountAsync(6);
        await Assertions.Expect(qa.Locator("[data-criterion=correct] .critical")).ToContainTextAsync("critical");
        foreach (var answer in new[] { "greeting-yes", "identified-yes", "listening-4", "correct-yes", "summary-na", "courtesy-5" })
        {
            await qa.CheckAsync($"#ans-{answer}");
        }

        await qa.ClickAsync("#submit");

        // (1 + 1 + 2·0.75 + 3 + 1) / 8 with "summary" not applicable = 93.75 %
        await Assertions.Expect(qa.Locator("#result")).ToHaveTextAsync("Submitted. Score: 94%");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await qa.SelectOptionAsync("#evaluated", "true");
        await qa.ClickAsync("#search");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First.Locator("td").Nth(6)).ToHaveTextAsync("94%");

        var agent = await SignInAsync("agent1004");
        await agent.ClickAsync("a[href='/my/evaluations']");
        var card = agent.Locator("article[data-evaluation]").Filter(new() { HasText = "admission" });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card.Locator(".score")).ToHaveTextAsync("94%");
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("awaiting your acknowledgement");
        await card.Locator("button.acknowledge").ClickAsync();
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("acknowledged");
        await Assertions.Expect(card.Locator("button.acknowledge")).ToHaveCountAsync(0);
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await browser.NewPageAsync(demo.BaseUrl);
        await page.GotoAsync("/login?lang=en");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", demo.PasswordOf(user));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        return page;
    }
}
