using System.Diagnostics;
using System.Globalization;
using Telephony.Calls.Control;
using Telephony.Calls.Media;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Wav;
using Telephony.TestKit.Host;

namespace Telephony.Calls.Tests.Sip;

/// <summary>
/// A real SIP phone (baresip, headless, 127.0.0.1 only) calls our SipCallBackend: the handler answers, plays a prompt,
/// collects digits until '#', and hangs up. baresip's sndfile module records what it heard.
/// </summary>
public sealed class BaresipCallerTests : IAsyncLifetime
{
    private const string Baresip = "/usr/bin/baresip";
    private readonly SipCallHarness _server = new(44800);
    private readonly string _directory = Directory.CreateTempSubdirectory("baresip").FullName;

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Baresip_caller_hears_the_prompt_and_its_digits_are_collected()
    {
        Assert.True(File.Exists(Baresip), "baresip is not installed");
        var prompt = Path.Combine(_directory, "prompt.wav");
        WriteWav(prompt, 8000 * 3 / 2, i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000)));
        var source = Path.Combine(_directory, "source.wav");
        WriteWav(source, 8000 * 30, _ => 0);
        WriteConfig(source);

        var collected = new TaskCompletionSource<DigitsResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var patience = TimeSpan.FromSeconds(20);
        _ = _server.OnNextCall(async (call, ended) =>
        {
            await call.AnswerAsync(ended);
            await call.PlayAsync([AudioSource.File(prompt)], PlaybackOptions.Once, ended);
            collected.TrySetResult(await call.CollectDigitsAsync(new DigitCollectionOptions(10, patience, patience) { Terminator = '#' }, ended));
            await call.HangupAsync(ended);
        });

        var start = new ProcessStartInfo(Baresip)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-4", "-f", _directory, "-t", "16", "-e", $"/dial sip:hotline@127.0.0.1:{_server.Port}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var baresip = Process.Start(start)!;
        var output = baresip.StandardOutput.ReadToEndAsync();
        var errors = baresip.StandardError.ReadToEndAsync();
        try
        {
            // The prompt lasts 1.5 s after the answer; the digits go after it, while we collect.
            await Task.Delay(TimeSpan.FromSeconds(5));
            await baresip.StandardInput.WriteLineAsync("/sndcode 123#");
            await baresip.StandardInput.FlushAsync();
            var digits = await collected.Task.WaitAsync(patience);
            Assert.Equal("123", digits.Digits);
            await baresip.WaitForExitAsync().WaitAsync(patience);
        }
        finally
        {
            if (!baresip.HasExited)
            {
                baresip.Kill();
            }
        }

        var log = await output + await errors;
        var heardPath = Directory.GetFiles(_directory, "dump-*-dec.wav").FirstOrDefault();
        Assert.True(heardPath is not null, "baresip recorded nothing: " + log);
        var heard = ReadSamples(heardPath);
        Assert.True(heard.Length >= 8000, $"only {heard.Length} samples heard");
        ToneAnalysis.AssertDominant(heard, 440, 300, 1000);
    }

    private void WriteConfig(string source)
    {
        var sipPort = FreePort.UdpAndTcp();
        var config = string.Join('\n',
            "poll_method\tepoll",
            string.Create(CultureInfo.InvariantCulture, $"sip_listen\t127.0.0.1:{sipPort}"),
            "net_interface\t127.0.0.1",
            "rtp_ports\t45000-45099",
            "audio_player\taubridge,nil",
            "audio_alert\taubridge,nil",
            $"audio_source\taufile,{source}",
            "ausrc_srate\t8000",
            "auplay_srate\t8000",
            "ausrc_channels\t1",
            "auplay_channels\t1",
            "jitter_buffer_delay\t5-10",
            "statmode_default\toff",
            "module_path\t/usr/lib/baresip/modules",
            "module\tstdio.so",
            "module\tg711.so",
            "module\taufile.so",
            "module\taubridge.so",
            "module\tsndfile.so",
            "module_tmp\tuuid.so",
            "module_tmp\taccount.so",
            "module_app\tmenu.so",
            $"snd_path\t{_directory}",
            string.Empty);
        File.WriteAllText(Path.Combine(_directory, "config"), config);
        File.WriteAllText(Path.Combine(_directory, "accounts"), "<sip:citizen@127.0.0.1>;regint=0\n");
    }

    private static void WriteWav(string path, int samples, Func<int, short> sample)
    {
        var pcm = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            pcm[i] = sample(i);
        }

        using var writer = WavWriter.Create(path, WavFormat.Pcm8kMono);
        writer.WriteSamples(pcm);
    }

    private static short[] ReadSamples(string path)
    {
        using var reader = WavReader.Open(path);
        var bytes = new byte[reader.DataLength];
        var read = reader.Read(bytes);
        var samples = new short[read / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }
}
