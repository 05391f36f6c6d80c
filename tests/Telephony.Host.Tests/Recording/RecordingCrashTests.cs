using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Telephony.Media.Wav;
using Telephony.TestKit.Host;
using Telephony.TestKit.Postgres;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.Recording;

/// <summary>
/// The host is killed with SIGKILL while a recorded conversation is going on; after a restart on the same data
/// directory and database, the recording's row says interrupted and its file is a valid, playable stereo WAV.
/// </summary>
public sealed class RecordingCrashTests
{
    private static readonly string[] DemoArguments = ["--demo", "--demo-always-open"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Host_killed_mid_call_leaves_a_valid_wav_whose_row_says_interrupted_after_restart()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync("crash");
        var dataDirectory = Directory.CreateTempSubdirectory("telephony-crash-").FullName;
        var tones = Directory.CreateTempSubdirectory("crash-tones-").FullName;
        await AudioAnalysis.CreateToneAsync(Path.Combine(tones, "caller.wav"), 440, TimeSpan.FromSeconds(90));
        await AudioAnalysis.CreateToneAsync(Path.Combine(tones, "agent.wav"), 1000, TimeSpan.FromSeconds(90));

        DemoCredentialsFile credentials;
        await using (var first = HostProcess.Start(connectionString, dataDirectory, DemoArguments))
        {
            await first.WaitForHealthAsync(TimeSpan.FromSeconds(90));
            credentials = await ReadCredentialsAsync(dataDirectory);
            using var supervisor = Client(first, credentials, "supervisor");
            await RecordedCall.OnlyAgentAvailableAsync(supervisor, "1003");
            await using var agent = await BaresipPhone.StartAsync(new BaresipPhoneOptions
            {
                User = "1003",
                Registrar = $"127.0.0.1:{first.SipPort}",
                Password = credentials.Agents.Single(a => a.Extension == "1003").SipPassword,
                AutoAnswer = true,
                AudioSource = Path.Combine(tones, "agent.wav"),
            });
            await agent.WaitForRegistrationAsync(TimeSpan.FromSeconds(30));
            await using var caller = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = "0501230002", AudioSource = Path.Combine(tones, "caller.wav") });
            await RecordedCall.ReachAgentAsync(caller, agent, first.SipPort);
            await Task.Delay(TimeSpan.FromSeconds(4));

            await first.KillAsync();
        }

        await using var second = HostProcess.Start(connectionString, dataDirectory, DemoArguments);
        await second.WaitForHealthAsync(TimeSpan.FromSeconds(90));
        using var qa = Client(second, credentials, "qa");
        // A killed call never wrote its call record, so the caller's number is not there to filter by: this database holds only this call.
        var recording = await RecordedCall.RecordingOfAsync(qa, null, "interrupted");
        Assert.Equal(("1003", "recognition"), (recording.Agent, recording.Queue));
        var bytes = await qa.GetByteArrayAsync(new Uri($"api/recordings/{recording.Id}/audio", UriKind.Relative));

        using var wav = WavReader.Open(new MemoryStream(bytes));
        Assert.False(wav.IsTruncated);
        Assert.Equal(2, wav.Format.Channels);
        Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
        Assert.InRange(wav.Duration.TotalSeconds, 2, 10);
        Assert.Equal((long)wav.Duration.TotalMilliseconds, recording.DurationMs);
        var audio = ChannelAudio.Read(bytes);
        Assert.True(ChannelAudio.Rms(audio.Left, 8000, 4000) > 0.05, "the caller's channel of the repaired file is silent");
    }

    private static async Task<DemoCredentialsFile> ReadCredentialsAsync(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "demo-credentials.json");
        for (var i = 0; i < 600 && !File.Exists(path); i++)
        {
            await Task.Delay(100);
        }

        return JsonSerializer.Deserialize<DemoCredentialsFile>(await File.ReadAllTextAsync(path), Json)!;
    }

    private static HttpClient Client(HostProcess host, DemoCredentialsFile credentials, string user)
    {
        var password = credentials.Users.Single(u => u.User == user).Password;
        var client = new HttpClient { BaseAddress = host.Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }
}
