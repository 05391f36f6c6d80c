using Telephony.Media.Audio;
using Telephony.Media.Codecs;
using Telephony.Media.Dtmf;
using Telephony.Media.Jitter;
using Telephony.Media.Rtp;
using Telephony.Media.Scheduling;
using Telephony.Media.Streams;
using Telephony.Media.Tones;

namespace Telephony.Media.Tests.Streams;

public sealed class RtpStreamTests
{
    private sealed class CapturingSink : IRtpPacketSink
    {
        public List<byte[]> Packets { get; } = [];

        public void Send(ReadOnlySpan<byte> packet) => Packets.Add(packet.ToArray());

        public RtpHeader Header(int index)
        {
            Assert.Equal(RtpParseError.None, RtpHeader.TryParse(Packets[index], out var header));
            return header;
        }
    }

    private sealed class CapturingPcmSink : IPcmSink
    {
        public List<short[]> Frames { get; } = [];

        public void Write(ReadOnlySpan<short> frame) => Frames.Add(frame.ToArray());
    }

    /// <summary>A source of a constant level, so frames are recognisable after G.711.</summary>
    private sealed class LevelSource(short level, int samples) : IPcmSource
    {
        private int _left = samples;

        public int Read(Span<short> frame)
        {
            var count = Math.Min(frame.Length, _left);
            frame[..count].Fill(level);
            _left -= count;
            return count;
        }
    }

    private static MediaTick Tick(long number, long skipped = 0) => new(number, TimeSpan.Zero, TimeSpan.Zero, 160, skipped);

    [Fact]
    public void Outbound_sends_encoded_source_with_timestamps_from_ticks()
    {
        var sink = new CapturingSink();
        var stream = new RtpOutboundStream(new RtpSender(7, 0, 1, 1000), G711Law.ALaw, sink) { Source = new LevelSource(1000, 10_000) };
        for (var i = 0; i < 3; i++)
        {
            stream.OnTick(Tick(i));
        }

        Assert.Equal(3, sink.Packets.Count);
        Assert.Equal([1000u, 1160, 1320], Enumerable.Range(0, 3).Select(i => sink.Header(i).Timestamp));
        Assert.Equal(8, sink.Header(0).PayloadType);
        Assert.True(sink.Header(0).Marker);
        Assert.Equal(172, sink.Packets[0].Length);
        Assert.All(sink.Packets[1][12..], code => Assert.Equal(ALaw.Encode(1000), code));
    }

    [Fact]
    public void Outbound_skipped_ticks_jump_the_timestamp_with_marker()
    {
        var sink = new CapturingSink();
        var stream = new RtpOutboundStream(new RtpSender(7, 0, 1, 0), G711Law.MuLaw, sink);
        stream.OnTick(Tick(0));
        stream.OnTick(Tick(1));
        stream.OnTick(Tick(5, skipped: 3));

        Assert.Equal(800u, sink.Header(2).Timestamp);
        Assert.True(sink.Header(2).Marker);
        Assert.False(sink.Header(1).Marker);
        Assert.Equal(3, sink.Header(2).SequenceNumber);
    }

    [Fact]
    public void Outbound_reports_a_finished_source_once_and_continues_with_silence()
    {
        var sink = new CapturingSink();
        var completed = new List<IPcmSource>();
        var source = new LevelSource(3000, 200);
        var stream = new RtpOutboundStream(new RtpSender(7, 0, 1, 0), G711Law.MuLaw, sink) { Source = source, SourceCompleted = completed.Add };
        for (var i = 0; i < 4; i++)
        {
            stream.OnTick(Tick(i));
        }

        Assert.Equal([source], completed);
        Assert.Null(stream.Source);
        Assert.Equal(MuLaw.Encode(3000), sink.Packets[1][12 + 39]);
        Assert.Equal(MuLaw.Silence, sink.Packets[1][12 + 40]);
        Assert.All(sink.Packets[3][12..], code => Assert.Equal(MuLaw.Silence, code));
    }

    [Fact]
    public void Outbound_not_sending_keeps_the_clock_but_sends_nothing()
    {
        var sink = new CapturingSink();
        var stream = new RtpOutboundStream(new RtpSender(7, 0, 1, 0), G711Law.MuLaw, sink) { IsSending = false };
        stream.OnTick(Tick(0));
        stream.OnTick(Tick(1));
        stream.IsSending = true;
        stream.OnTick(Tick(2));

        var header = Assert.Single(sink.Packets.Select((_, i) => sink.Header(i)));
        Assert.Equal(320u, header.Timestamp);
        Assert.True(header.Marker);
    }

    [Fact]
    public void Outbound_digit_replaces_audio_then_audio_resumes_on_the_clock()
    {
        var sink = new CapturingSink();
        var stream = new RtpOutboundStream(new RtpSender(7, 0, 1, 0), G711Law.MuLaw, sink, new DtmfEventSender(101));
        stream.OnTick(Tick(0));
        stream.Dtmf!.Enqueue('9', TimeSpan.FromMilliseconds(40));
        for (var i = 1; i <= 6; i++)
        {
            stream.OnTick(Tick(i));
        }

        var types = Enumerable.Range(0, sink.Packets.Count).Select(i => sink.Header(i).PayloadType).ToArray();
        Assert.Equal(new byte[] { 0, 101, 101, 101, 101, 0, 0 }, types);
        Assert.All(Enumerable.Range(1, 4), i => Assert.Equal(160u, sink.Header(i).Timestamp));
        Assert.Equal(5u * 160, sink.Header(5).Timestamp);
        Assert.True(sink.Header(5).Marker);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (ushort)i), Enumerable.Range(0, 7).Select(i => sink.Header(i).SequenceNumber));
    }

    [Fact]
    public void Loopback_through_scheduler_delivers_audio_and_digits()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var metrics = new MediaMetrics();
        using var scheduler = new MediaTickScheduler(new MediaTickOptions(), time, metrics, Microsoft.Extensions.Logging.Abstractions.NullLogger<MediaTickScheduler>.Instance);
        var wire = new CapturingSink();
        var outbound = new RtpOutboundStream(RtpSender.CreateRandom(8), G711Law.ALaw, wire, new DtmfEventSender(101))
        {
            Source = new TonePlayer(CallProgressTones.EuropeanRingback),
        };
        var inbound = new RtpInboundStream(G711Law.ALaw, 8, 101, JitterBufferOptions.Fixed(2));
        var heard = new CapturingPcmSink();
        var digits = new List<char>();
        inbound.Sink = heard;
        inbound.DigitReceived = digits.Add;
        scheduler.Add(outbound, TimeSpan.FromMilliseconds(20));
        scheduler.Add(inbound, TimeSpan.FromMilliseconds(20));

        var delivered = 0;
        for (var step = 0; step < 100; step++)
        {
            if (step == 40)
            {
                outbound.Dtmf!.Enqueue('4', TimeSpan.FromMilliseconds(100));
            }

            scheduler.RunDueTicks();
            for (; delivered < wire.Packets.Count; delivered++)
            {
                inbound.Receive(wire.Packets[delivered], time.GetUtcNow().TimeOfDay);
            }

            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(['4'], digits);
        Assert.Equal(0, inbound.Jitter.MissingFrames);
        Assert.Equal(0, inbound.Statistics!.CumulativeLost);
        Assert.Equal(outbound.Sender.Ssrc, inbound.Statistics.Ssrc);

        // The ringback's first second is tone: frames after buffering carry 425 Hz energy.
        Assert.Contains(heard.Frames.Skip(3).Take(20), frame => frame.Any(sample => Math.Abs((int)sample) > 5000));
    }

    [Fact]
    public void Inbound_conceals_a_lost_packet_from_the_last_frame()
    {
        var inbound = new RtpInboundStream(G711Law.MuLaw, 0, null, JitterBufferOptions.Fixed(2));
        var heard = new CapturingPcmSink();
        inbound.Sink = heard;
        var sender = new RtpSender(5, 0, 10, 0);
        var packet = new byte[200];
        var payload = new byte[160];
        payload.AsSpan().Fill(MuLaw.Encode(8000));
        foreach (var send in new[] { true, true, false, true, true })
        {
            var length = sender.WriteAudioPacket(packet, payload, 160);
            if (send)
            {
                inbound.Receive(packet.AsSpan(0, length), TimeSpan.Zero);
            }
        }

        for (var i = 0; i < 4; i++)
        {
            inbound.OnTick(Tick(i));
        }

        // Packet 10 opens probation and is not played; 11 plays, 12 is lost and concealed, 13 plays.
        Assert.Equal(MuLaw.Decode(MuLaw.Encode(8000)), heard.Frames[0][0]);
        Assert.Equal(MuLaw.Decode(MuLaw.Encode(8000)) >> 1, heard.Frames[1][0]);
        Assert.Equal(1, inbound.Statistics!.CumulativeLost);
    }

    [Fact]
    public void Inbound_without_a_listener_counts_packets_but_buffers_nothing_and_a_new_sink_hears_from_the_next_packets()
    {
        var inbound = new RtpInboundStream(G711Law.MuLaw, 0, null, JitterBufferOptions.Fixed(1));
        var sender = new RtpSender(5, 0, 10, 0);
        var packet = new byte[200];
        var payload = new byte[160];
        payload.AsSpan().Fill(MuLaw.Encode(8000));
        void SendOne() => inbound.Receive(packet.AsSpan(0, sender.WriteAudioPacket(packet, payload, 160)), TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            SendOne();
        }

        Assert.Equal(0, inbound.Jitter.Count);
        Assert.Equal(4, inbound.Statistics!.Received); // the first packet opens probation (RFC 3550 A.1)

        var heard = new CapturingPcmSink();
        inbound.Sink = heard;
        SendOne();
        SendOne();
        inbound.OnTick(Tick(0));

        Assert.Equal(MuLaw.Decode(MuLaw.Encode(8000)), Assert.Single(heard.Frames)[0]);
    }

    [Fact]
    public void Inbound_counts_invalid_and_unexpected_packets()
    {
        var inbound = new RtpInboundStream(G711Law.MuLaw, 0, 101);
        Assert.Equal(RtpReceiveOutcome.Invalid, inbound.Receive([0x40, 0, 0, 0], TimeSpan.Zero));
        var packet = new byte[20];
        new RtpHeader(13, 1, 0, 5).Write(packet);
        Assert.Equal(RtpReceiveOutcome.UnexpectedPayloadType, inbound.Receive(packet, TimeSpan.Zero));
        Assert.Equal(1, inbound.InvalidPackets);
    }

    [Fact]
    public void Inbound_new_ssrc_resets_statistics()
    {
        var inbound = new RtpInboundStream(G711Law.MuLaw, 0, null);
        var packet = new byte[172];
        for (ushort i = 0; i < 5; i++)
        {
            new RtpHeader(0, i, (uint)(i * 160), 1).Write(packet);
            inbound.Receive(packet, TimeSpan.FromMilliseconds(20 * i));
        }

        new RtpHeader(0, 9000, 0, 2).Write(packet);
        inbound.Receive(packet, TimeSpan.FromMilliseconds(200));
        Assert.Equal(2u, inbound.Statistics!.Ssrc);
        Assert.False(inbound.Statistics.IsValid);
    }

    [Fact]
    public void Inbound_in_band_detection_reports_tones_in_the_audio()
    {
        var inbound = new RtpInboundStream(G711Law.MuLaw, 0, null, JitterBufferOptions.Fixed(1), detectInBandDtmf: true);
        var digits = new List<char>();
        inbound.DigitReceived = digits.Add;
        var generator = new ToneGenerator();
        generator.SetTone(852, 1477, ToneGenerator.AmplitudeFromDbm0(-8));
        var sender = new RtpSender(3, 0, 0, 0);
        var pcm = new short[160];
        var payload = new byte[160];
        var packet = new byte[200];
        for (var i = 0; i < 8; i++)
        {
            generator.Generate(pcm);
            MuLaw.Encode(pcm, payload);
            var length = sender.WriteAudioPacket(packet, payload, 160);
            inbound.Receive(packet.AsSpan(0, length), TimeSpan.FromMilliseconds(20 * i));
            inbound.OnTick(Tick(i));
        }

        Assert.Equal(['9'], digits);
    }

    [Fact]
    public void Ahead_of_time_a_source_is_reported_ended_when_its_last_packet_is_due_not_when_it_was_read()
    {
        var sink = new CapturingSink();
        var ended = new List<(IPcmSource Source, int Packets)>();
        var source = new LevelSource(1000, 320);
        var stream = new RtpOutboundStream(new RtpSender(7, 0, 1, 0), G711Law.ALaw, sink) { Source = source };
        stream.SourceCompleted = s => ended.Add((s, sink.Packets.Count));
        var lead = TimeSpan.FromMilliseconds(60);

        // Ticks run 60 ms before their deadlines: the source's last (partial) frame is the one due at 40 ms, read at -20 ms.
        for (var i = 0; i < 8; i++)
        {
            stream.OnTick(new MediaTick(i, TimeSpan.FromMilliseconds(20 * i), TimeSpan.Zero, 160, 0) { Lead = lead });
        }

        // Reported on the tick that runs when 40 ms has come: the one due at 100 ms, before its own packet (the sixth).
        Assert.Equal([(source, 5)], ended);
        Assert.Equal(8, sink.Packets.Count);
    }
}
