using System.Text.Json;
using Telephony.TestKit.Host;
using Telephony.TestKit.Postgres;
using Telephony.TestKit.Sip;
using Xunit.Abstractions;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>
/// The demo hotline outside its hours, for a real SIP phone (baresip): the host runs with <c>--menu-clock</c> standing
/// at a chosen instant, the caller chooses English and hears the after-hours (or public-holiday) message — the very
/// audio the host rendered for that node — and the call record's menu path goes through that node.
/// </summary>
public sealed class AfterHoursCallTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("2026-11-25T20:00:00+04:00", "afterHours", "holidayClosed")] // a Wednesday, two hours after closing in Baku
    [InlineData("2026-11-09T11:00:00+04:00", "holidayClosed", "afterHours")] // a Monday morning, National Flag Day carried over
    public async Task Caller_at_a_closed_hour_hears_the_closed_branch_prompt_and_its_record_shows_that_node(string menuClock, string closedNode, string otherNode)
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("closed");
        await using var host = HostProcess.Start(database, null, "--demo", "--menu-clock", menuClock);
        await host.WaitForHealthAsync(TimeSpan.FromSeconds(60));
        var credentials = await DemoCredentialsAsync(host);

        // The demo tree's prompts are rendered by espeak-ng right after it is published; the call must find them.
        var rendered = Path.Combine(host.DataDirectory, "prompts", "tts");
        for (var i = 0; i < 300 && (!Directory.Exists(rendered) || Directory.GetFiles(rendered).Length < 40); i++)
        {
            await Task.Delay(200);
        }

        using var admin = Client(host, credentials, "admin");
        var expected = await PromptAudioAsync(admin, closedNode);
        var other = await PromptAudioAsync(admin, otherNode);
        var promptSeconds = (await PromptMatch.ReadSamplesAsync(expected)).Length / 8000.0;

        await using var phone = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = "0507654321", ToneHz = 440 });
        await phone.DialAsync($"sip:100@127.0.0.1:{host.SipPort}");
        await phone.WaitForEventAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(30));

        // 3 during the language prompt chooses English; the hours branch follows at once, then the closed message.
        await Task.Delay(TimeSpan.FromSeconds(9));
        await phone.SendDigitsAsync("3");
        await Task.Delay(TimeSpan.FromSeconds(4 + promptSeconds));
        await phone.HangupAsync();
        await phone.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(30));

        using var supervisor = Client(host, credentials, "supervisor");
        var call = await CallRecords.WaitForAsync(supervisor, "0507654321");
        Assert.True(call.GetProperty("language").GetString() == "en", "record: " + call.GetRawText());
        Assert.Equal(["greeting", "language", "hours", closedNode], call.GetProperty("ivrPath").EnumerateArray().Select(e => e.GetString()).Take(4));
        Assert.Contains("MENU CLOCK IS SET", host.Output, StringComparison.Ordinal);

        // The phone heard the closed branch's own rendered prompt, not just any speech.
        var heard = phone.ReceivedAudio().Single();
        var match = await PromptMatch.FindAsync(heard, expected);
        var mismatch = await PromptMatch.FindAsync(heard, other);
        output.WriteLine($"{closedNode}: {match}; {otherNode}: {mismatch}");
        Assert.True(match.SampleCorrelation > 0.9 && match.EnvelopeCorrelation > 0.9,
            $"{closedNode}'s prompt was not found in what the caller heard: {match}; the other branch's prompt: {mismatch}");
        Assert.True(mismatch.SampleCorrelation < 0.5, $"{otherNode}'s prompt seems heard too: {mismatch}");
    }

    private static async Task<DemoCredentialsFile> DemoCredentialsAsync(HostProcess host)
    {
        var path = Path.Combine(host.DataDirectory, "demo-credentials.json");
        for (var i = 0; i < 600 && !File.Exists(path); i++)
        {
            await Task.Delay(100);
        }

        return JsonSerializer.Deserialize<DemoCredentialsFile>(await File.ReadAllTextAsync(path), WebJson)!;
    }

    private static HttpClient Client(HostProcess host, DemoCredentialsFile credentials, string user)
    {
        var password = credentials.Users.First(u => u.User == user).Password;
        var client = new HttpClient { BaseAddress = host.Http.BaseAddress };
        var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}"));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", token);
        return client;
    }

    /// <summary>The English prompt of a demo node as the admin's play button gets it: the file the host rendered into its prompt cache.</summary>
    private static async Task<string> PromptAudioAsync(HttpClient admin, string nodeId)
    {
        var path = Path.Combine(Path.GetTempPath(), $"prompt-{nodeId}-{Guid.NewGuid():N}.wav");
        for (var attempt = 0; ; attempt++)
        {
            using var response = await admin.GetAsync(new Uri($"api/ivr/prompts/edu-hotline/{nodeId}/en/audio", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
                return path;
            }

            Assert.True(attempt < 50, $"no prompt audio for {nodeId}: {response.StatusCode}");
            await Task.Delay(200);
        }
    }
}
