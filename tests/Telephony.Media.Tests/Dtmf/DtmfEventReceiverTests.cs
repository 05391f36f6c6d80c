using Telephony.Media.Dtmf;
using Telephony.Media.Rtp;

namespace Telephony.Media.Tests.Dtmf;

public sealed class DtmfEventReceiverTests
{
    private const byte EventPayloadType = 101;

    private static DtmfReceiveResult Packet(DtmfEventReceiver receiver, uint timestamp, byte eventCode, ushort duration, bool end = false)
    {
        var payload = new byte[4];
        new TelephoneEventPayload(eventCode, end, 10, duration).Write(payload);
        var header = new RtpHeader(EventPayloadType, 0, timestamp, 1);
        return receiver.Receive(header, payload);
    }

    /// <summary>Start, two updates, and three end packets: one digit.</summary>
    private static List<DtmfReceiveResult> FullEvent(DtmfEventReceiver receiver, uint timestamp, byte eventCode) =>
    [
        Packet(receiver, timestamp, eventCode, 160),
        Packet(receiver, timestamp, eventCode, 320),
        Packet(receiver, timestamp, eventCode, 480),
        Packet(receiver, timestamp, eventCode, 640, end: true),
        Packet(receiver, timestamp, eventCode, 640, end: true),
        Packet(receiver, timestamp, eventCode, 640, end: true),
    ];

    [Fact]
    public void Full_event_yields_one_start_and_one_end()
    {
        var receiver = new DtmfEventReceiver(EventPayloadType);
        var results = FullEvent(receiver, 8000, 5);

        Assert.Single(results, r => r.DigitStarted);
        Assert.True(results[0].DigitStarted);
        Assert.Equal('5', results[0].Digit);
        var end = Assert.Single(results, r => r.DigitEnded);
        Assert.Equal(640, end.Duration);
        Assert.True(results[3].DigitEnded);
        Assert.Equal(1, receiver.DigitCount);
    }

    [Fact]
    public void Lost_start_still_yields_the_digit_once_from_an_update()
    {
        var receiver = new DtmfEventReceiver(EventPayloadType);
        Assert.True(Packet(receiver, 100, 1, 480).DigitStarted);
        Assert.True(Packet(receiver, 100, 1, 640, end: true) is { DigitStarted: false, DigitEnded: true });
        Assert.Equal(1, receiver.DigitCount);
    }

    [Fact]
    public void End_only_yields_the_digit_once_despite_retransmissions()
    {
        var receiver = new DtmfEventReceiver(EventPayloadType);
        var first = Packet(receiver, 100, 11, 800, end: true);
        var second = Packet(receiver, 100, 11, 800, end: true);
        var third = Packet(receiver, 100, 11, 800, end: true);

        Assert.True(first is { DigitStarted: true, DigitEnded: true, Digit: '#' });
        Assert.False(second.IsNews);
        Assert.False(third.IsNews);
        Assert.Equal(1, receiver.DigitCount);
    }

    [Fact]
    public void Same_digit_pressed_twice_is_told_apart_by_timestamp()
    {
        var receiver = new DtmfEventReceiver(EventPayloadType);
        FullEvent(receiver, 1000, 7);
        var again = FullEvent(receiver, 3000, 7);

        Assert.True(again[0].DigitStarted);
        Assert.Equal(3000u, again[0].Timestamp);
        Assert.Equal(2, receiver.DigitCount);
    }

    [Fact]
    public void Late_packet_of_a_previous_event_is_ignored()
    {
        var receiver = new DtmfEventReceiver(EventPayloadType);
        FullEvent(receiver, 1000, 7);
        FullEvent(receiver, 3000, 8);
        Assert.False(Packet(receiver, 1000, 7, 640, end: true).IsNews);
        Assert.Equal(2, receiver.DigitCount);
    }

    [Fact]
    public void Event_timestamps_across_wraparound_are_new_events()
    {
        var receiver = new DtmfEventReceiver(EventPayloadType);
        FullEvent(receiver, uint.MaxValue - 100, 3);
        Assert.True(FullEvent(receiver, 2000, 3)[0].DigitStarted);
    }

    [Fact]
    public void Long_event_continuation_segment_is_not_a_new_digit()
    {
        var receiver = new DtmfEventReceiver(EventPayloadType);
        Assert.True(Packet(receiver, 0, 0, 65535).DigitStarted);
        var continuation = Packet(receiver, 65535, 0, 160);
        Assert.False(continuation.IsNews);
        Assert.True(Packet(receiver, 65535, 0, 800, end: true).DigitEnded);
        Assert.Equal(1, receiver.DigitCount);
    }

    [Fact]
    public void Other_payload_types_and_non_digit_events_are_ignored()
    {
        var receiver = new DtmfEventReceiver(EventPayloadType);
        var audio = new RtpHeader(0, 0, 0, 1);
        Assert.False(receiver.Receive(audio, new byte[160]).IsNews);
        Assert.False(Packet(receiver, 10, 16, 160).IsNews);
        Assert.Equal(0, receiver.DigitCount);
    }
}
