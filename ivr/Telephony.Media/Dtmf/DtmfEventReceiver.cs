using Telephony.Media.Rtp;

namespace Telephony.Media.Dtmf;

/// <summary>
/// Turns RFC 4733 telephone-event packets of one stream into digits. An event is identified by its
/// RTP timestamp: start, updates and the (usually three) end packets of one event share it, so the
/// digit is reported once however many of them arrive or are lost; a second press of the same key
/// has a new timestamp and is a new digit. Packets of an older event (reordered) are ignored. A
/// long event split into segments (RFC 4733 §2.5.1.3) continues when the next segment's timestamp
/// follows on from the previous one without an end. One instance per stream; never allocates.
/// </summary>
public sealed class DtmfEventReceiver
{
    private bool _hasEvent;
    private uint _timestamp;
    private byte _event;
    private ushort _duration;
    private bool _ended;

    /// <summary>Creates a receiver for the negotiated telephone-event payload type.</summary>
    public DtmfEventReceiver(byte payloadType)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, (byte)127);
        PayloadType = payloadType;
    }

    /// <summary>The telephone-event payload type this receiver accepts.</summary>
    public byte PayloadType { get; }

    /// <summary>Digits reported so far (for call records).</summary>
    public int DigitCount { get; private set; }

    /// <summary>Interprets one RTP packet of the stream (any payload type; others are ignored).</summary>
    public DtmfReceiveResult Receive(in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (header.PayloadType != PayloadType || !TelephoneEventPayload.TryParse(payload, out var telephoneEvent))
        {
            return DtmfReceiveResult.None;
        }

        return Receive(header.Timestamp, telephoneEvent);
    }

    /// <summary>Interprets one telephone-event payload carried at <paramref name="timestamp"/>.</summary>
    public DtmfReceiveResult Receive(uint timestamp, TelephoneEventPayload telephoneEvent)
    {
        if (!DtmfDigits.TryGetDigit(telephoneEvent.Event, out var digit))
        {
            return DtmfReceiveResult.None;
        }

        if (_hasEvent && timestamp == _timestamp)
        {
            return ContinueEvent(digit, telephoneEvent);
        }

        if (_hasEvent && unchecked((int)(timestamp - _timestamp)) < 0)
        {
            // A straggler from an event we already moved past.
            return DtmfReceiveResult.None;
        }

        var isContinuationSegment = _hasEvent && !_ended && telephoneEvent.Event == _event
            && timestamp == unchecked(_timestamp + _duration);
        _hasEvent = true;
        _timestamp = timestamp;
        _event = telephoneEvent.Event;
        _duration = telephoneEvent.Duration;
        _ended = telephoneEvent.End;
        if (isContinuationSegment)
        {
            return new DtmfReceiveResult(false, telephoneEvent.End, digit, timestamp, telephoneEvent.Duration);
        }

        DigitCount++;
        return new DtmfReceiveResult(true, telephoneEvent.End, digit, timestamp, telephoneEvent.Duration);
    }

    /// <summary>Forgets the current event (after a re-INVITE or SSRC change).</summary>
    public void Reset()
    {
        _hasEvent = false;
        _ended = false;
    }

    private DtmfReceiveResult ContinueEvent(char digit, TelephoneEventPayload telephoneEvent)
    {
        if (telephoneEvent.Duration > _duration)
        {
            _duration = telephoneEvent.Duration;
        }

        if (!telephoneEvent.End || _ended)
        {
            return DtmfReceiveResult.None;
        }

        _ended = true;
        return new DtmfReceiveResult(false, true, digit, _timestamp, _duration);
    }
}
