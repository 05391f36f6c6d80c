using Telephony.Media.Rtp;

namespace Telephony.Media.Tests.Rtp;

public sealed class RtpSenderTests
{
    private static RtpHeader Send(RtpSender sender, int samples = 160)
    {
        var buffer = new byte[200];
        var length = sender.WriteAudioPacket(buffer, new byte[samples], samples);
        Assert.Equal(RtpParseError.None, RtpHeader.TryParse(buffer.AsSpan(0, length), out var header));
        return header;
    }

    [Fact]
    public void First_packet_has_marker_and_later_ones_advance_by_samples()
    {
        var sender = new RtpSender(42, RtpPayloadTypes.Pcma, 65535, 1000);
        var first = Send(sender);
        var second = Send(sender);

        Assert.True(first.Marker);
        Assert.False(second.Marker);
        Assert.Equal(65535, first.SequenceNumber);
        Assert.Equal(0, second.SequenceNumber);
        Assert.Equal(1000u, first.Timestamp);
        Assert.Equal(1160u, second.Timestamp);
        Assert.Equal(8, second.PayloadType);
        Assert.Equal(42u, second.Ssrc);
        Assert.Equal(2u, sender.PacketCount);
        Assert.Equal(320u, sender.OctetCount);
    }

    [Fact]
    public void Skipped_samples_jump_the_timestamp_and_mark_the_next_packet()
    {
        var sender = new RtpSender(1, 0, 10, 0);
        Send(sender);
        sender.SkipSamples(800);
        var afterSilence = Send(sender);

        Assert.True(afterSilence.Marker);
        Assert.Equal(960u, afterSilence.Timestamp);
        Assert.Equal(11, afterSilence.SequenceNumber);
    }

    [Fact]
    public void Aligning_to_the_expected_timestamp_is_not_a_jump()
    {
        var sender = new RtpSender(1, 0, 10, 0);
        Send(sender);
        sender.AlignTimestamp(160);
        Assert.False(Send(sender).Marker);
        sender.AlignTimestamp(640);
        var jumped = Send(sender);
        Assert.True(jumped.Marker);
        Assert.Equal(640u, jumped.Timestamp);
    }

    [Fact]
    public void Timestamp_wraps_around_32_bits()
    {
        var sender = new RtpSender(1, 0, 0, uint.MaxValue - 100);
        Send(sender);
        Assert.Equal(59u, Send(sender).Timestamp);
    }

    [Fact]
    public void Event_packets_share_the_sequence_space()
    {
        var sender = new RtpSender(1, 0, 500, 0);
        Send(sender);
        var buffer = new byte[64];
        sender.WritePacket(buffer, 101, true, 160, [1, 0, 0, 160]);
        RtpHeader.TryParse(buffer.AsSpan(0, 16), out var header);

        Assert.Equal(501, header.SequenceNumber);
        Assert.Equal(101, header.PayloadType);
        Assert.Equal(502, sender.NextSequence);
    }

    [Fact]
    public void Random_senders_differ()
    {
        var a = RtpSender.CreateRandom(0);
        var b = RtpSender.CreateRandom(0);
        Assert.False(a.Ssrc == b.Ssrc && a.NextSequence == b.NextSequence && a.NextTimestamp == b.NextTimestamp);
    }

    [Fact]
    public void Sender_info_carries_counters_and_ntp_time()
    {
        var sender = new RtpSender(1, 0, 0, 0);
        Send(sender);
        Send(sender);
        var time = new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero);
        var info = sender.CreateSenderInfo(time, 320);

        Assert.Equal(2u, info.PacketCount);
        Assert.Equal(320u, info.OctetCount);
        Assert.Equal(320u, info.RtpTimestamp);
        Assert.Equal(time, Telephony.Media.Rtcp.NtpTimestamp.ToDateTimeOffset(info.NtpTimestamp));
    }
}
