using Telephony.TestKit.Host;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.Recording;

/// <summary>
/// End to end with real phones: a baresip caller plays one known WAV, the registered, auto-answering baresip agent
/// another; the host records the bridged conversation. The stored file's left channel is the caller's audio, the right
/// the agent's, and it lasts as long as the call record's talk time.
/// </summary>
public sealed class RecordedCallTests(DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Recording_left_channel_is_the_callers_audio_right_the_agents_and_its_length_is_the_talk_time()
    {
        using var supervisor = demo.ClientFor("supervisor");
        using var qa = demo.ClientFor("qa");
        await RecordedCall.OnlyAgentAvailableAsync(supervisor, "1003");
        var tones = Directory.CreateTempSubdirectory("recorded-call-").FullName;
        var callerWav = Path.Combine(tones, "caller.wav");
        var agentWav = Path.Combine(tones, "agent.wav");
        await AudioAnalysis.CreateToneAsync(callerWav, 440, TimeSpan.FromSeconds(90));
        await AudioAnalysis.CreateToneAsync(agentWav, 1000, TimeSpan.FromSeconds(90));

        await using var agent = await BaresipPhone.StartAsync(new BaresipPhoneOptions
        {
            User = "1003",
            Registrar = $"127.0.0.1:{demo.Host.SipPort}",
            Password = demo.Credentials.Agents.Single(a => a.Extension == "1003").SipPassword,
            AutoAnswer = true,
            AudioSource = agentWav,
        });
        await agent.WaitForRegistrationAsync(Wait);
        await using var caller = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = "0501230001", AudioSource = callerWav });
        await RecordedCall.ReachAgentAsync(caller, agent, demo.Host.SipPort);
        await Task.Delay(TimeSpan.FromSeconds(6));
        await caller.HangupAsync();
        try
        {
            await agent.WaitForEventAsync("CALL_CLOSED", Wait);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(exception.Message[..Math.Min(600, exception.Message.Length)] + "\nHost:\n" + demo.Host.Output[^Math.Min(8000, demo.Host.Output.Length)..], exception);
        }

        var recording = await RecordedCall.RecordingOfAsync(qa, "0501230001", "complete");
        var call = await RecordedCall.CallRecordAsync(supervisor, "0501230001");
        Assert.Equal(recording.CallId, call.GetProperty("id").GetGuid());
        var talkMs = call.GetProperty("talkSeconds").GetDouble() * 1000;
        Assert.True(Math.Abs(recording.DurationMs!.Value - talkMs) <= 100, $"recording {recording.DurationMs} ms, talk time {talkMs} ms");
        Assert.Equal(("1003", "recognition"), (recording.Agent, recording.Queue));

        var audio = ChannelAudio.Read(await qa.GetByteArrayAsync(new Uri($"api/recordings/{recording.Id}/audio", UriKind.Relative)));
        var callerSent = ChannelAudio.ReadMono(callerWav);
        var agentSent = ChannelAudio.ReadMono(agentWav);
        var start = 8000 * 2;
        const int Length = 4000;
        Assert.True(ChannelAudio.Rms(audio.Left, start, Length) > 0.05, "the left channel is silent");
        Assert.True(ChannelAudio.Rms(audio.Right, start, Length) > 0.05, "the right channel is silent");
        Assert.True(ChannelAudio.BestCorrelation(audio.Left, start, Length, callerSent, 160) > 0.9, "left does not match the caller's audio");
        Assert.True(ChannelAudio.BestCorrelation(audio.Right, start, Length, agentSent, 160) > 0.9, "right does not match the agent's audio");
        Assert.True(ChannelAudio.BestCorrelation(audio.Left, start, Length, agentSent, 160) < 0.3, "the agent's audio leaks into the left channel");
        Assert.True(ChannelAudio.BestCorrelation(audio.Right, start, Length, callerSent, 160) < 0.3, "the caller's audio leaks into the right channel");
    }
}
