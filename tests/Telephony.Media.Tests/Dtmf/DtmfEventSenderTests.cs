using Telephony.Media.Dtmf;
using Telephony.Media.Rtp;

namespace Telephony.Media.Tests.Dtmf;

public sealed class DtmfEventSenderTests
{
    private sealed record SentPacket(RtpHeader Header, TelephoneEventPayload Event);

    /// <summary>Runs ticks like the media loop: an event packet if due, otherwise an audio packet.</summary>
    private static List<SentPacket?> RunTicks(DtmfEventSender sender, RtpSender rtp, int ticks)
    {
        var sent = new List<SentPacket?>();
        var buffer = new byte[200];
        for (var i = 0; i < ticks; i++)
        {
            var length = sender.WriteNext(buffer, rtp);
            if (length == 0)
            {
                rtp.WriteAudioPacket(buffer, new byte[160], 160);
                sent.Add(null);
                continue;
            }

            rtp.SkipSamples(160);
            Assert.Equal(RtpParseError.None, RtpHeader.TryParse(buffer.AsSpan(0, length), out var header));
            Assert.True(TelephoneEventPayload.TryParse(header.PayloadOf(buffer.AsSpan(0, length)), out var payload));
            sent.Add(new SentPacket(header, payload));
        }

        return sent;
    }

    [Fact]
    public void Digit_of_100_ms_is_start_with_marker_updates_then_three_ends()
    {
        var rtp = new RtpSender(9, 0, 100, 16000);
        var sender = new DtmfEventSender(101);
        sender.Enqueue('5', TimeSpan.FromMilliseconds(100));
        var packets = RunTicks(sender, rtp, 7).Select(p => p!).ToList();

        Assert.Equal(new ushort[] { 160, 320, 480, 640, 800, 800, 800 }, packets.Select(p => p.Event.Duration));
        Assert.Equal(new[] { false, false, false, false, true, true, true }, packets.Select(p => p.Event.End));
        Assert.Equal(new[] { true, false, false, false, false, false, false }, packets.Select(p => p.Header.Marker));
        Assert.All(packets, p => Assert.Equal(16000u, p.Header.Timestamp));
        Assert.All(packets, p => Assert.Equal(101, p.Header.PayloadType));
        Assert.All(packets, p => Assert.Equal(5, p.Event.Event));
        Assert.Equal(Enumerable.Range(100, 7).Select(s => (ushort)s), packets.Select(p => p.Header.SequenceNumber));
        Assert.False(sender.IsSending);
    }

    [Fact]
    public void Audio_after_the_event_resumes_on_the_clock_with_a_marker()
    {
        var rtp = new RtpSender(9, 0, 100, 16000);
        var sender = new DtmfEventSender(101);
        sender.Enqueue('1', TimeSpan.FromMilliseconds(60));
        RunTicks(sender, rtp, 5);

        var buffer = new byte[200];
        var length = rtp.WriteAudioPacket(buffer, new byte[160], 160);
        RtpHeader.TryParse(buffer.AsSpan(0, length), out var audio);
        Assert.Equal(16000u + (5 * 160), audio.Timestamp);
        Assert.True(audio.Marker);
    }

    [Fact]
    public void Queued_digits_get_new_timestamps_after_a_gap()
    {
        var rtp = new RtpSender(9, 0, 0, 0);
        var sender = new DtmfEventSender(101);
        sender.Enqueue('1', TimeSpan.FromMilliseconds(40));
        sender.Enqueue('1', TimeSpan.FromMilliseconds(40));
        var ticks = RunTicks(sender, rtp, 12);

        // 2 event ticks + 3 ends... first end is the 2nd packet: 160, 320E, 320E, 320E, then 2 audio ticks.
        Assert.Equal(4, ticks.TakeWhile(p => p is not null).Count());
        Assert.Null(ticks[4]);
        Assert.Null(ticks[5]);
        var second = ticks[6]!;
        Assert.True(second.Header.Marker);
        Assert.Equal(6u * 160, second.Header.Timestamp);
    }

    [Fact]
    public void Sender_output_is_read_back_as_one_digit_each()
    {
        var rtp = new RtpSender(9, 0, 0, 0);
        var sender = new DtmfEventSender(101);
        foreach (var digit in "12#")
        {
            sender.Enqueue(digit, TimeSpan.FromMilliseconds(80));
        }

        var receiver = new DtmfEventReceiver(101);
        var digits = RunTicks(sender, rtp, 40).OfType<SentPacket>()
            .Select(p => receiver.Receive(p.Header, BytesOf(p.Event)))
            .Where(r => r.DigitStarted)
            .Select(r => r.Digit);
        Assert.Equal("12#", string.Concat(digits));
    }

    [Fact]
    public void Enqueue_rejects_non_digits_and_bad_durations()
    {
        var sender = new DtmfEventSender(101);
        Assert.Throws<ArgumentException>(() => sender.Enqueue('x', TimeSpan.FromMilliseconds(100)));
        Assert.Throws<ArgumentOutOfRangeException>(() => sender.Enqueue('1', TimeSpan.Zero));
    }

    private static byte[] BytesOf(TelephoneEventPayload payload)
    {
        var bytes = new byte[4];
        payload.Write(bytes);
        return bytes;
    }
}
