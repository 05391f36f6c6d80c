using Telephony.Calls.Media;
using Telephony.Calls.MediaPlane;
using Telephony.Calls.Tests.Support;
using Telephony.Media.Codecs;
using Telephony.Media.Rtp;

namespace Telephony.Calls.Tests.MediaPlane;

public sealed class MediaRelayTests : IDisposable
{
    private readonly MediaHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Bridge_relayed_packets_continue_the_target_stream_across_a_source_switch()
    {
        var (caller, _) = _harness.CreateLeg();
        var (agent, agentTransport) = _harness.CreateLeg();
        _harness.Run(TimeSpan.FromMilliseconds(100));
        var ownPackets = agentTransport.RtpHeaders;
        var lastOwn = ownPackets[^1];

        using var relay = caller.Bridge(agent, tap: null);
        SendAudio(caller, ssrc: 0xAAAA, firstSequence: 100, firstTimestamp: 1_000, count: 5);
        SendAudio(caller, ssrc: 0xBBBB, firstSequence: 60_000, firstTimestamp: 3_000_000_000, count: 5);

        var relayed = agentTransport.RtpHeaders.Skip(ownPackets.Count).ToList();
        Assert.Equal(10, relayed.Count);
        Assert.All(relayed, header => Assert.Equal(agent.Ssrc, header.Ssrc));
        for (var i = 0; i < relayed.Count; i++)
        {
            Assert.Equal((ushort)(lastOwn.SequenceNumber + 1 + i), relayed[i].SequenceNumber);
            Assert.Equal(unchecked(lastOwn.Timestamp + (uint)(160 * (i + 1))), relayed[i].Timestamp);
        }

        Assert.True(relayed[0].Marker);
        Assert.True(relayed[5].Marker);
        Assert.False(relayed[4].Marker);
        Assert.Equal(10, relay.CallerToAgentPackets);
    }

    [Fact]
    public void Bridge_own_stream_is_silent_while_bridged_and_resumes_after()
    {
        var (caller, _) = _harness.CreateLeg();
        var (agent, agentTransport) = _harness.CreateLeg();
        _harness.Run(TimeSpan.FromMilliseconds(40));

        var relay = caller.Bridge(agent, tap: null);
        var beforeBridge = agentTransport.Rtp.Count;
        _harness.Run(TimeSpan.FromMilliseconds(100));
        Assert.Equal(beforeBridge, agentTransport.Rtp.Count);
        SendAudio(caller, 0xAAAA, 1, 0, 3);
        relay.Dispose();
        _harness.Run(TimeSpan.FromMilliseconds(40));

        var headers = agentTransport.RtpHeaders;
        Assert.True(headers.Count > beforeBridge + 3);
        for (var i = 1; i < headers.Count; i++)
        {
            Assert.Equal((ushort)(headers[i - 1].SequenceNumber + 1), headers[i].SequenceNumber);
            Assert.Equal(agent.Ssrc, headers[i].Ssrc);
        }

        Assert.False(agent.IsBridged);
    }

    [Fact]
    public void Bridge_pcmu_to_pcma_transcodes_at_equal_level()
    {
        var (caller, _) = _harness.CreateLeg(MediaHarness.Audio(G711Law.MuLaw));
        var (agent, agentTransport) = _harness.CreateLeg(MediaHarness.Audio(G711Law.ALaw));
        using var relay = caller.Bridge(agent, tap: null);
        var mu = RtpPackets.Tone(440, 0, 160, G711Law.MuLaw);

        caller.OnRtp(RtpPackets.Audio(7, 1, 0, 0, mu), _harness.Time.GetTimestamp());

        var packet = agentTransport.Rtp[^1];
        var header = FakeTransport.Header(packet);
        Assert.Equal(8, header.PayloadType);
        var alaw = header.PayloadOf(packet).ToArray();
        var expected = new byte[160];
        G711Transcoder.MuLawToALaw(mu, expected);
        Assert.Equal(expected, alaw);
        var original = new short[160];
        var converted = new short[160];
        MuLaw.Decode(mu, original);
        ALaw.Decode(alaw, converted);
        for (var i = 0; i < 160; i++)
        {
            Assert.InRange(converted[i] - original[i], -(Math.Abs(original[i]) / 16) - 16, (Math.Abs(original[i]) / 16) + 16);
        }

        Assert.True(relay.IsTranscoding);
    }

    [Fact]
    public void Bridge_same_law_passes_payload_through_unchanged()
    {
        var (caller, _) = _harness.CreateLeg(MediaHarness.Audio(G711Law.ALaw));
        var (agent, agentTransport) = _harness.CreateLeg(MediaHarness.Audio(G711Law.ALaw));
        using var relay = caller.Bridge(agent, tap: null);
        var payload = RtpPackets.Tone(1000, 0, 160, G711Law.ALaw);

        caller.OnRtp(RtpPackets.Audio(7, 1, 0, 8, payload), _harness.Time.GetTimestamp());

        var packet = agentTransport.Rtp[^1];
        Assert.Equal(payload, FakeTransport.Header(packet).PayloadOf(packet).ToArray());
    }

    [Fact]
    public void Bridge_telephone_events_are_forwarded_under_the_target_payload_type()
    {
        var (caller, _) = _harness.CreateLeg(MediaHarness.Audio(events: 101));
        var (agent, agentTransport) = _harness.CreateLeg(MediaHarness.Audio(events: 96));
        using var relay = caller.Bridge(agent, tap: null);
        var digit = RtpPackets.Digit(9, 10, 8000, '7', payloadType: 101);

        foreach (var packet in digit)
        {
            caller.OnRtp(packet, _harness.Time.GetTimestamp());
        }

        var forwarded = agentTransport.Rtp.TakeLast(digit.Count).ToList();
        Assert.All(forwarded, packet => Assert.Equal(96, FakeTransport.Header(packet).PayloadType));
        Assert.Equal(digit.Select(p => p.Skip(12).ToArray()), forwarded.Select(p => p.Skip(12).ToArray()));
    }

    [Fact]
    public void Bridge_tap_gets_both_directions_with_positions_from_timestamps()
    {
        var (caller, _) = _harness.CreateLeg();
        var (agent, _) = _harness.CreateLeg();
        var tap = new RecordingTap();
        var relay = caller.Bridge(agent, tap);

        foreach (var sequence in new ushort[] { 1, 2, 4 })
        {
            caller.OnRtp(RtpPackets.Audio(1, sequence, (uint)(sequence * 160), 0, RtpPackets.Tone(440, sequence * 160, 160, G711Law.MuLaw)), _harness.Time.GetTimestamp());
            _harness.Time.Advance(TimeSpan.FromMilliseconds(20));
        }

        agent.OnRtp(RtpPackets.Silence(2, 1, 0), _harness.Time.GetTimestamp());
        relay.Dispose();

        Assert.Equal([(TapChannel.Caller, 0L), (TapChannel.Caller, 160L), (TapChannel.Caller, 480L), (TapChannel.Agent, 0L)], tap.Chunks);
        Assert.True(tap.Ended);
    }

    private void SendAudio(CallMedia leg, uint ssrc, ushort firstSequence, uint firstTimestamp, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _harness.Time.Advance(TimeSpan.FromMilliseconds(20));
            leg.OnRtp(RtpPackets.Silence(ssrc, (ushort)(firstSequence + i), unchecked(firstTimestamp + (uint)(160 * i))), _harness.Time.GetTimestamp());
        }
    }

    private sealed class RecordingTap : IMediaTap
    {
        public List<(TapChannel, long)> Chunks { get; } = [];

        public bool Ended { get; private set; }

        public void OnAudio(TapChannel channel, long samplePosition, ReadOnlySpan<short> pcm)
        {
            Assert.Equal(160, pcm.Length);
            Chunks.Add((channel, samplePosition));
        }

        public void OnEnded() => Ended = true;
    }
}
