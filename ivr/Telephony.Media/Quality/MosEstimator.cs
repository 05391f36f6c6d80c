using Telephony.Media.Rtp;

namespace Telephony.Media.Quality;

/// <summary>
/// Estimates call quality from what RTCP and our own receive statistics measure, with a simplified
/// ITU-T G.107 E-model for G.711:
/// <list type="bullet">
/// <item>R = 93.2 − Id − Ie,eff (the G.107 default Ro − Is, no advantage factor).</item>
/// <item>Delay impairment Id = 0.024·Ta + 0.11·(Ta − 177.3)·H(Ta − 177.3), the usual fit of the G.107
/// delay curves (Cole and Rosenbluth, 2001), where Ta is the mouth-to-ear delay: network one-way
/// delay + jitter buffer (taken as twice the jitter) + packetisation time.</item>
/// <item>Equipment impairment Ie,eff = Ie + (95 − Ie)·Ppl / (Ppl/BurstR + Bpl) with G.711's Ie = 0 and
/// Bpl = 25.1 with packet-loss concealment or 4.3 without (ITU-T G.113 Appendix I); BurstR = 1
/// (random loss).</item>
/// <item>MOS = 1 + 0.035R + R(R − 60)(100 − R)·7·10⁻⁶ (G.107 Annex B), clamped to 1–4.5.</item>
/// </list>
/// The result is a planning-grade estimate for dashboards and call records, not a perceptual measurement.
/// </summary>
public static class MosEstimator
{
    /// <summary>R of a G.711 call with no delay and no loss, per the G.107 defaults.</summary>
    public const double DefaultR = 93.2;

    private const double DelayKnee = 177.3;
    private const double PacketLossRobustnessWithConcealment = 25.1;
    private const double PacketLossRobustnessWithoutConcealment = 4.3;

    /// <summary>
    /// Estimates quality from the packet loss (percent, 0–100), interarrival jitter and network
    /// one-way delay (milliseconds, e.g. half the RTCP round-trip time) and the packetisation time.
    /// </summary>
    public static MosEstimate Estimate(double packetLossPercent, double jitterMilliseconds, double oneWayDelayMilliseconds, int ptimeMilliseconds = 20, bool concealment = true)
    {
        var loss = Math.Clamp(packetLossPercent, 0, 100);
        var mouthToEar = Math.Max(0, oneWayDelayMilliseconds) + (2 * Math.Max(0, jitterMilliseconds)) + Math.Max(0, ptimeMilliseconds);
        var delayImpairment = (0.024 * mouthToEar) + (mouthToEar > DelayKnee ? 0.11 * (mouthToEar - DelayKnee) : 0);
        var robustness = concealment ? PacketLossRobustnessWithConcealment : PacketLossRobustnessWithoutConcealment;
        var equipmentImpairment = 95 * loss / (loss + robustness);
        var r = DefaultR - delayImpairment - equipmentImpairment;
        return new MosEstimate(Math.Clamp(r, 0, 100), MosFromR(r));
    }

    /// <summary>Maps an R factor to MOS per G.107 Annex B.</summary>
    public static double MosFromR(double r)
    {
        if (r <= 0)
        {
            return 1;
        }

        if (r >= 100)
        {
            return 4.5;
        }

        return 1 + (0.035 * r) + (r * (r - 60) * (100 - r) * 7e-6);
    }

    /// <summary>
    /// Estimates quality of a received stream from its statistics: cumulative loss, current jitter and,
    /// when RTCP gave a round-trip time, half of it as the one-way delay (otherwise
    /// <paramref name="assumedOneWayDelay"/>).
    /// </summary>
    public static MosEstimate FromStatistics(RtpSourceStatistics statistics, TimeSpan? roundTripTime, int ptimeMilliseconds = 20, TimeSpan? assumedOneWayDelay = null)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var expected = statistics.Expected;
        var lossPercent = expected <= 0 ? 0 : Math.Max(0, statistics.CumulativeLost) * 100.0 / expected;
        var oneWay = roundTripTime is { } rtt ? rtt / 2 : assumedOneWayDelay ?? TimeSpan.FromMilliseconds(20);
        return Estimate(lossPercent, statistics.JitterMilliseconds, oneWay.TotalMilliseconds, ptimeMilliseconds);
    }
}
