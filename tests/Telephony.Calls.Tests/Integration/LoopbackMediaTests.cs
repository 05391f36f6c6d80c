using Telephony.Calls.Media;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Codecs;
using Telephony.Media.Wav;

namespace Telephony.Calls.Tests.Integration;

/// <summary>The media plane on real loopback UDP sockets with a test-side RTP peer.</summary>
public sealed class LoopbackMediaTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly LoopbackMediaPlane _plane = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("calls-media-").FullName;

    public void Dispose()
    {
        _plane.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task PlayAsync_wav_file_arrives_sample_exact_at_the_peer()
    {
        using var peer = new TestRtpPeer();
        using var leg = _plane.OpenLeg(peer);
        var samples = new short[8000];
        var random = new Random(42);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)((6000 * Math.Sin(2 * Math.PI * (300 + (i / 4.0)) * i / 8000)) + random.Next(-500, 500));
        }

        var path = Path.Combine(_directory, "prompt.wav");
        using (var writer = WavWriter.Create(path, WavFormat.Pcm8kMono))
        {
            writer.WriteSamples(samples);
        }

        var result = await leg.PlayAsync([AudioSource.File(path)], PlaybackOptions.Once, CancellationToken.None).WaitAsync(Patience);
        await Task.Delay(200);

        Assert.Equal(PlaybackOutcome.Completed, result.Outcome);
        var expected = new byte[samples.Length];
        MuLaw.Encode(samples, expected);
        var received = peer.AudioPayloads(0).SelectMany(p => p).ToArray();
        var start = received.AsSpan().IndexOf(expected.AsSpan(0, 160));
        Assert.True(start >= 0, "the first 20 ms of the file never arrived");
        Assert.True(received.Length - start >= expected.Length, $"only {received.Length - start} of {expected.Length} samples arrived");
        Assert.Equal(expected, received.AsSpan(start, expected.Length).ToArray());
    }

    [Fact]
    public async Task CollectDigitsAsync_rfc4733_123_hash_from_peer_collects_123()
    {
        using var peer = new TestRtpPeer();
        using var leg = _plane.OpenLeg(peer);

        var collect = leg.CollectDigitsAsync(new(10, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)) { Terminator = '#' }, CancellationToken.None);
        await peer.SendDigitsAsync(LoopbackMediaPlane.EndPointOf(leg), "123#");

        Assert.Equal(new DigitsResult("123", DigitsEnd.Terminator), await collect.WaitAsync(Patience));
    }

    [Theory]
    [InlineData(G711Law.MuLaw, G711Law.MuLaw)]
    [InlineData(G711Law.MuLaw, G711Law.ALaw)]
    public async Task Bridge_carries_each_peers_tone_to_the_other(G711Law callerLaw, G711Law agentLaw)
    {
        using var callerPeer = new TestRtpPeer();
        using var agentPeer = new TestRtpPeer();
        using var caller = _plane.OpenLeg(callerPeer, callerLaw);
        using var agent = _plane.OpenLeg(agentPeer, agentLaw);
        using var relay = caller.Bridge(agent, tap: null);

        await Task.WhenAll(
            callerPeer.SendToneAsync(LoopbackMediaPlane.EndPointOf(caller), 440, callerLaw, TimeSpan.FromSeconds(1)),
            agentPeer.SendToneAsync(LoopbackMediaPlane.EndPointOf(agent), 1300, agentLaw, TimeSpan.FromSeconds(1)));
        await Task.Delay(200);

        ToneAnalysis.AssertDominant(agentPeer.ReceivedAudio(agentLaw), 440, 1300);
        ToneAnalysis.AssertDominant(callerPeer.ReceivedAudio(callerLaw), 1300, 440);
        Assert.Equal(callerLaw != agentLaw, relay.IsTranscoding);
        Assert.True(relay.CallerToAgentPackets >= 40, $"{relay.CallerToAgentPackets} packets relayed");
    }

    [Fact]
    public async Task Endpoint_peer_sending_from_another_port_is_latched()
    {
        using var signalledPeer = new TestRtpPeer();
        using var realPeer = new TestRtpPeer();
        using var leg = _plane.OpenLeg(signalledPeer);
        await signalledPeer.WaitForPacketsAsync(3, Patience);

        await realPeer.SendToneAsync(LoopbackMediaPlane.EndPointOf(leg), 440, G711Law.MuLaw, TimeSpan.FromMilliseconds(200));
        await realPeer.WaitForPacketsAsync(5, Patience);

        Assert.True(leg.Endpoint!.IsLatched);
        Assert.Equal(realPeer.Port, leg.Endpoint.RemoteRtpEndPoint!.Port);
        Assert.True(realPeer.AudioPayloads(0).Count >= 5);
    }

    [Fact]
    public async Task RecordAsync_caller_tone_to_max_duration_writes_a_valid_wav()
    {
        using var peer = new TestRtpPeer();
        using var leg = _plane.OpenLeg(peer);
        var path = Path.Combine(_directory, "appeal.wav");

        // The caller is already talking when the recording starts, so the whole second holds the tone.
        // It goes on talking until the recording ended: on a starved machine the media tick skips ticks, and the
        // recording's second is a second of ticks, which can take longer than a second of wall-clock time.
        using var hangUp = new CancellationTokenSource();
        var talking = peer.SendToneAsync(LoopbackMediaPlane.EndPointOf(leg), 700, G711Law.MuLaw, TimeSpan.FromSeconds(15), hangUp.Token);
        for (var wait = 0; wait < 500 && leg.Endpoint!.RtpPacketsReceived < 10; wait++)
        {
            await Task.Delay(10);
        }

        var result = await leg.RecordAsync(path, new RecordOptions(TimeSpan.FromSeconds(1), StopDigit: '#', BeepFirst: false), CancellationToken.None).WaitAsync(Patience);
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => talking);

        Assert.Equal(RecordEnd.MaxDuration, result.End);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Duration);
        using var reader = WavReader.Open(path);
        Assert.Equal(WavFormat.Pcm8kMono, reader.Format);
        var samples = reader.ReadAllSamples();
        Assert.Equal(8000, samples.Length);
        var silentFrames = Enumerable.Range(0, 50).Count(frame => samples.AsSpan(frame * 160, 160).IndexOfAnyExcept((short)0) < 0);
        // On a starved machine the peer's packets come in bursts that the jitter buffer trims, so whole stretches
        // can be silent (a jitter-buffer matter, not the recorder's); what was recorded must be the caller's tone.
        Assert.True(silentFrames <= 45, $"{silentFrames} of 50 recorded frames are silent; received {leg.Endpoint!.RtpPacketsReceived} packets, {leg.Statistics}, late {leg.Inbound.Jitter.LatePackets} missing {leg.Inbound.Jitter.MissingFrames} dropped {leg.Inbound.Jitter.DroppedFrames} depth {leg.Inbound.Jitter.TargetDepth} frames {string.Join(",", Enumerable.Range(0, 50).Select(f => samples.AsSpan(f * 160, 160).IndexOfAnyExcept((short)0) < 0 ? '0' : '1'))}");
        ToneAnalysis.AssertDominant(samples, 700, 440, 1000);
    }

    [Fact]
    public async Task RecordAsync_call_ending_mid_way_leaves_a_complete_wav()
    {
        using var peer = new TestRtpPeer();
        var leg = _plane.OpenLeg(peer);
        var path = Path.Combine(_directory, "cut.wav");

        var record = leg.RecordAsync(path, new RecordOptions(TimeSpan.FromSeconds(30)), CancellationToken.None);
        await peer.SendToneAsync(LoopbackMediaPlane.EndPointOf(leg), 700, G711Law.MuLaw, TimeSpan.FromSeconds(1));
        leg.Dispose();
        var result = await record.WaitAsync(Patience);

        Assert.Equal(RecordEnd.CallEnded, result.End);
        using var reader = WavReader.Open(path);
        Assert.False(reader.IsTruncated);
        Assert.Equal(result.Duration, reader.Duration);
        Assert.InRange(result.Duration.TotalSeconds, 0.3, 1.5);
    }
}
