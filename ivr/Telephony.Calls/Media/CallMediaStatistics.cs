namespace Telephony.Calls.Media;

/// <summary>Media quality of one call leg, as received by us (RFC 3550 loss and interarrival jitter) and a MOS estimate.</summary>
public sealed record CallMediaStatistics(long PacketsReceived, long PacketsSent, long PacketsLost, double JitterMilliseconds, double Mos)
{
    public static CallMediaStatistics Empty { get; } = new(0, 0, 0, 0, 0);
}
