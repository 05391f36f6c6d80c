namespace Telephony.Media.Dtmf;

/// <summary>
/// What one telephone-event packet meant. <see cref="DigitStarted"/> is true exactly once per event
/// (on the first packet seen, even if that is an end packet), so counting it yields each digit once;
/// <see cref="DigitEnded"/> is true exactly once, on the first end packet, with the final duration.
/// </summary>
/// <param name="DigitStarted">A new digit was pressed.</param>
/// <param name="DigitEnded">The digit was released.</param>
/// <param name="Digit">The digit character.</param>
/// <param name="Timestamp">The event's RTP timestamp (its identity).</param>
/// <param name="Duration">Duration so far in timestamp units.</param>
public readonly record struct DtmfReceiveResult(bool DigitStarted, bool DigitEnded, char Digit, uint Timestamp, ushort Duration)
{
    /// <summary>Nothing new: a retransmission, an update, a stale or non-digit packet.</summary>
    public static DtmfReceiveResult None => default;

    /// <summary>True when the packet started or ended a digit.</summary>
    public bool IsNews => DigitStarted || DigitEnded;
}
