using System.Text.Json;
using Microsoft.Playwright;
using Telephony.Host.Tests.Ivr;
using Telephony.TestKit.Browser;
using Telephony.TestKit.Host;
using Telephony.TestKit.Sip;
using Xunit.Abstractions;

namespace Telephony.Host.Tests.Pages;

/// <summary>
/// An admin changes the voice menu in a real browser while citizens are calling from real SIP phones (baresip): a call
/// keeps the menu version it started with through a publish and a rollback, a call after each follows the new version,
/// and every call record names its version.
/// </summary>
public sealed class IvrPublishDuringCallsTests(DemoHostFixture demo, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<DemoHostFixture>, IClassFixture<BrowserFixture>
{
    private const string InvalidOptionRu = "Такого пункта в меню нет.";
    private const string InfoRu = "Справочная служба";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Call_in_the_menu_at_publish_keeps_the_old_tree_a_later_call_takes_the_new_option_and_rollback_restores_it()
    {
        using var admin = demo.ClientFor("admin");
        await IvrApi.WaitForDemoTreeAsync(admin);
        await WaitForRenderedPromptsAsync();
        var page = await SignInAsync("/admin/ivr");
        await Assertions.Expect(page.Locator("#inForce")).ToHaveTextAsync("In force: version 1");
        await using var before = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = "301", ToneHz = 440 });
        await using var during = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = "302", ToneHz = 440 });
        await using var after = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = "303", ToneHz = 440 });

        // The first citizen calls on version 1 and chooses Russian; the topic menu follows.
        await before.DialAsync($"sip:100@127.0.0.1:{demo.Host.SipPort}");
        await before.WaitForEventAsync("CALL_ESTABLISHED", Wait);
        var beforeInMenu = ChooseAsync(before, "2");

        // Meanwhile the admin adds option 5, is told the English prompt is missing, writes it, and publishes version 2.
        await page.ClickAsync("#tree [data-select=topics]");
        await page.FillAsync("#optionKey", "5");
        await page.SelectOptionAsync("#optionTarget", "");
        await page.FillAsync("#optionNewId", "info");
        await page.SelectOptionAsync("#optionNewKind", "playMessage");
        await page.ClickAsync("#optionAdd");
        await Assertions.Expect(page.Locator("#nodeTitle")).ToHaveTextAsync("info · playMessage");
        await page.FillAsync("#prompt-az", "Məlumat xidməti");
        await page.FillAsync("#prompt-ru", InfoRu);
        await Assertions.Expect(page.Locator("#tree li[data-node=info] > ul.faults > li[data-kind=MissingPrompt][data-language=en]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#nodeFaults")).ToContainTextAsync("[en]");
        await page.FillAsync("#prompt-en", "Information service");
        await Assertions.Expect(page.Locator("#treeFaults")).ToContainTextAsync("No problems");
        await beforeInMenu;
        await page.ClickAsync("#publish");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Version 2 is now in force.", new() { Timeout = 60_000 });

        // The second citizen calls on version 2; the first, still in version 1's topic menu, presses the new key.
        await during.DialAsync($"sip:100@127.0.0.1:{demo.Host.SipPort}");
        await during.WaitForEventAsync("CALL_ESTABLISHED", Wait);
        await before.SendDigitsAsync("5");
        var duringChoices = ChooseAsync(during, "2", "5");

        // The admin rolls back while the second call is on; a third citizen calls on version 3, a copy of version 1.
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync("#versions button[data-rollback='1']");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Version 3 (a copy of version 1) is now in force.", new() { Timeout = 60_000 });
        await after.DialAsync($"sip:100@127.0.0.1:{demo.Host.SipPort}");
        await after.WaitForEventAsync("CALL_ESTABLISHED", Wait);
        await ChooseAsync(after, "2", "5");
        await duringChoices;
        await Task.Delay(TimeSpan.FromSeconds(6));
        foreach (var phone in new[] { before, during, after })
        {
            await phone.HangupAsync();
            await phone.WaitForEventAsync("CALL_CLOSED", Wait);
        }

        using var supervisor = demo.ClientFor("supervisor");
        var records = await CallRecordsAsync(supervisor, "301", "302", "303");
        AssertFollowed(records["301"], 1, takesInfo: false);
        AssertFollowed(records["302"], 2, takesInfo: true);
        AssertFollowed(records["303"], 3, takesInfo: false);

        // What each caller heard: version 1 and 3 said the key is not in the menu, version 2 played the new prompt.
        var invalid = await PromptAsync(admin, "topics", InvalidOptionRu);
        var info = await PromptAsync(admin, "info", InfoRu);
        await AssertHeardAsync(before, invalid, info);
        await AssertHeardAsync(during, info, invalid);
        await AssertHeardAsync(after, invalid, info);
    }

    private static void AssertFollowed(JsonElement record, int version, bool takesInfo)
    {
        var path = record.GetProperty("ivrPath").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(record.GetProperty("ivrTreeVersion").GetInt32() == version, $"expected version {version}: {record.GetRawText()}");
        Assert.Equal(IvrApi.DemoTree, record.GetProperty("ivrTreeId").GetString());
        Assert.Equal(["greeting", "language", "hours", "topics"], path.Take(4));
        Assert.Equal(takesInfo, path.Contains("info"));
    }

    private async Task AssertHeardAsync(BaresipPhone phone, string expected, string notExpected)
    {
        var heard = phone.ReceivedAudio().Single();
        var match = await PromptMatch.FindAsync(heard, expected);
        var mismatch = await PromptMatch.FindAsync(heard, notExpected);
        output.WriteLine($"{Path.GetFileName(phone.Directory)}: expected {match}; other {mismatch}");
        Assert.True(match.SampleCorrelation > 0.9, $"{Path.GetFileName(phone.Directory)} did not hear {Path.GetFileName(expected)}: {match} (other: {mismatch})");
        Assert.True(mismatch.SampleCorrelation < 0.5, $"{Path.GetFileName(phone.Directory)} seems to have heard {Path.GetFileName(notExpected)}: {mismatch}");
    }

    /// <summary>Presses each key 9 s after the previous step: the language prompt, then the topic menu, are playing by then.</summary>
    private static async Task ChooseAsync(BaresipPhone phone, params string[] keys)
    {
        foreach (var key in keys)
        {
            await Task.Delay(TimeSpan.FromSeconds(9));
            await phone.SendDigitsAsync(key);
        }
    }

    /// <summary>The Russian rendering of a text as the admin's play button gets it: the same prompt-cache file the call played.</summary>
    private static async Task<string> PromptAsync(HttpClient admin, string nodeId, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"prompt-{nodeId}-{Guid.NewGuid():N}.wav");
        var bytes = await admin.GetByteArrayAsync(new Uri($"api/ivr/prompts/{IvrApi.DemoTree}/{nodeId}/ru/audio?text={Uri.EscapeDataString(text)}", UriKind.Relative));
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    private async Task WaitForRenderedPromptsAsync()
    {
        var rendered = Path.Combine(demo.Host.DataDirectory, "prompts", "tts");
        for (var i = 0; i < 300 && (!Directory.Exists(rendered) || Directory.GetFiles(rendered).Length < 40); i++)
        {
            await Task.Delay(200);
        }
    }

    private static async Task<Dictionary<string, JsonElement>> CallRecordsAsync(HttpClient supervisor, params string[] callers)
    {
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var i = 0; i < 100 && found.Count < callers.Length; i++)
        {
            var calls = JsonDocument.Parse(await supervisor.GetStringAsync(new Uri("api/calls", UriKind.Relative))).RootElement;
            foreach (var call in calls.EnumerateArray().Where(c => callers.Contains(c.GetProperty("caller").GetString())))
            {
                found[call.GetProperty("caller").GetString()!] = call.Clone();
            }

            await Task.Delay(200);
        }

        Assert.True(found.Count == callers.Length, "call records found for " + string.Join(", ", found.Keys));
        return found;
    }

    private async Task<IPage> SignInAsync(string path)
    {
        var page = await browser.NewPageAsync(demo.BaseUrl);
        await page.GotoAsync("/login?lang=en");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", demo.PasswordOf("admin"));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        await page.GotoAsync(path);
        return page;
    }
}
