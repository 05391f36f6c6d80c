namespace Telephony.LoadGenerator.Rtp;

/// <summary>One call's received media: packets, lost (sequence gaps), the largest inter-arrival gap and how many gaps passed the threshold (Stopwatch ticks).</summary>
internal readonly record struct RtpStreamResult(long Packets, long Lost, long MaxGapTicks, long GapsOverThreshold, long FirstArrival, long RtcpPackets);
