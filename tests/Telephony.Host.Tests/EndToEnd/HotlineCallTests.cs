using System.Text.Json;
using Telephony.TestKit.Host;

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

        var phone = Directory.CreateTempSubdirectory("baresip-caller-").FullName;
        var tone = Path.Combine(phone, "tone.wav");
        await ExternalTool.RunAsync("sox", TimeSpan.FromSeconds(20), "-n", "-r", "8000", "-c", "1", "-b", "16", tone, "synth", "60", "sine", "440", "vol", "0.2");
        var sipPort = FreePort.UdpAndTcp();
        await File.WriteAllTextAsync(Path.Combine(phone, "config"), $"""
            poll_method epoll
            sip_listen 127.0.0.1:{sipPort}
            net_interface 127.0.0.1
            rtp_ports 30100-30199
            audio_player aubridge,nil
            audio_alert aubridge,nil
            audio_source aufile,{tone}
            ausrc_srate 8000
            auplay_srate 8000
            ausrc_channels 1
            auplay_channels 1
            statmode_default off
            module_path /usr/lib/baresip/modules
            module stdio.so
            module g711.so
            module aufile.so
            module aubridge.so
            module sndfile.so
            module_tmp uuid.so
            module_tmp account.so
            module_app menu.so
            snd_path {phone}
            """);
        await File.WriteAllTextAsync(Path.Combine(phone, "accounts"), "<sip:200@127.0.0.1>;regint=0\n");

        // Keys are typed ahead: 2 during the greeting chooses Russian, 3 during the topic menu chooses transfers.
        var script = "sleep 9; echo /sndcode 2; sleep 9; echo /sndcode 3; sleep 16; echo /hangup; sleep 2";
        var (_, log) = await ExternalTool.RunAsync("bash", TimeSpan.FromSeconds(70), "-c",
            $"({script}) | baresip -4 -f {phone} -e '/dial sip:100@127.0.0.1:{demo.Host.SipPort}' -t 42");
        Assert.Contains("Call established", log, StringComparison.Ordinal);

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

        // Nobody of the demo agents is signed in, so the caller waited in the queue until hanging up.
        Assert.Contains(call.GetProperty("outcome").GetString(), new[] { "abandoned", "overflowed", "callback-requested" });

        // What the phone heard: speech, not silence (espeak-ng prompts at a healthy level).
        var heard = Directory.GetFiles(phone, "dump-*-dec.wav").Single();
        var (_, stat) = await ExternalTool.RunAsync("sox", TimeSpan.FromSeconds(20), heard, "-n", "stat");
        var rms = double.Parse(stat.Split('\n').First(l => l.StartsWith("RMS     amplitude", StringComparison.Ordinal)).Split(':')[1].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rms > 0.02, $"the caller heard near silence (RMS {rms})");
    }
}
