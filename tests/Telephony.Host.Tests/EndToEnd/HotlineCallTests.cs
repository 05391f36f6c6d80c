using System.Text.Json;
using Telephony.TestKit.Host;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>
/// A citizen's call to the demo hotline from a real SIP phone (baresip): answered by our SIP stack, the menu plays its
/// rendered prompts, DTMF from the phone chooses Russian then student transfers, and the call record shows the path.
/// </summary>
public sealed class HotlineCallTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    [Fact]
    public async Task Baresip_caller_pressing_2_then_3_waits_in_the_transfers_queue_in_russian_and_hears_the_prompts()
    {
        // The demo tree's prompts are rendered by espeak-ng right after it is published; wait for them.
        var prompts = Path.Combine(demo.Host.DataDirectory, "prompts", "tts");
        for (var i = 0; i < 300 && (!Directory.Exists(prompts) || Directory.GetFiles(prompts).Length < 40); i++)
        {
            await Task.Delay(200);
        }

        await using var phone = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = "200", ToneHz = 440 });
        await phone.DialAsync($"sip:100@127.0.0.1:{demo.Host.SipPort}");
        await phone.WaitForEventAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(30));

        // Keys are typed ahead: 2 during the greeting chooses Russian, 3 during the topic menu chooses transfers.
        await Task.Delay(TimeSpan.FromSeconds(9));
        await phone.SendDigitsAsync("2");
        await Task.Delay(TimeSpan.FromSeconds(9));
        await phone.SendDigitsAsync("3");
        await Task.Delay(TimeSpan.FromSeconds(16));
        await phone.HangupAsync();
        await phone.WaitForEventAsync("CALL_CLOSED", TimeSpan.FromSeconds(30));
        var log = phone.Output;

        using var supervisor = demo.ClientFor("supervisor");
        JsonElement? record = null;
        for (var i = 0; i < 100 && record is null; i++)
        {
            await Task.Delay(200);
            var calls = JsonDocument.Parse(await supervisor.GetStringAsync(new Uri("api/calls", UriKind.Relative))).RootElement;
            record = calls.EnumerateArray().Where(c => c.GetProperty("caller").GetString() == "200").Select(c => (JsonElement?)c).FirstOrDefault();
        }

        Assert.True(record.HasValue, "no call record from the phone's call\n" + log);
        var call = record.Value;
        Assert.True(call.GetProperty("queue").GetString() == "transfers", "record: " + call.GetRawText());
        Assert.Equal("ru", call.GetProperty("language").GetString());
        Assert.Equal("transfers", call.GetProperty("queue").GetString());
        Assert.Equal(["greeting", "language", "hours", "topics", "queueTransfers"],
            call.GetProperty("ivrPath").EnumerateArray().Select(e => e.GetString()).Take(5));

        // No demo agent has a phone registered, so the caller waited in the queue until hanging up.
        Assert.Contains(call.GetProperty("outcome").GetString(), new[] { "abandoned", "overflowed", "callback-requested" });

        // What the phone heard: speech, not silence (espeak-ng prompts at a healthy level).
        var (rms, _, _) = await AudioAnalysis.MeasureAsync(phone.ReceivedAudio().Single());
        Assert.True(rms > 0.02, $"the caller heard near silence (RMS {rms})");
    }
}
