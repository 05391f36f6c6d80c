namespace Telephony.LoadGenerator.Rtp;

/// <summary>
/// One call's received media: packets, lost (sequence gaps), the largest inter-arrival gap and when the packet ending it
/// was read, and how many gaps passed the threshold (Stopwatch ticks).
/// </summary>
internal readonly record struct RtpStreamResult(long Packets, long Lost, long MaxGapTicks, long MaxGapEndedAt, long GapsOverThreshold, long FirstArrival, long RtcpPackets);
