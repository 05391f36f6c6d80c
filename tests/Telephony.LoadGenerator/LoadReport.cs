using System.Globalization;
using System.Text;
using Telephony.LoadGenerator.Calls;

namespace Telephony.LoadGenerator;

/// <summary>The figures of a run and the one-screen summary. Passed: no failed call and under 1 % of streams with a gap over the threshold.</summary>
internal sealed class LoadReport(
    LoadOptions options, IReadOnlyList<CallOutcome> calls, TimeSpan elapsed, int peakAnswered, long rtpSent, long rtpSendErrors,
    long strayPackets, long unstampedPackets, int rtpPairsBound, long unreadableSip)
{
    public LoadOptions Options { get; } = options;

    public IReadOnlyList<CallOutcome> Calls { get; } = calls;

    public TimeSpan Elapsed { get; } = elapsed;

    public int PeakAnswered { get; } = peakAnswered;

    public long RtpSent { get; } = rtpSent;

    public long RtpSendErrors { get; } = rtpSendErrors;

    public int Answered => Calls.Count(c => c.Answered);

    public int Failed => Calls.Count(c => c.Failure != CallFailure.None);

    /// <summary>Answered calls that got far enough for their media to be measured.</summary>
    public IReadOnlyList<CallOutcome> Streams => [.. Calls.Where(c => c.Answered && c.Failure is CallFailure.None or CallFailure.NoMedia or CallFailure.ByeUnanswered)];

    public int StreamsWithLongGap => Streams.Count(c => c.Media.GapsOverThreshold > 0);

    public double LongGapShare => Streams.Count == 0 ? 0 : (double)StreamsWithLongGap / Streams.Count;

    public long PacketsReceived => Calls.Sum(c => c.Media.Packets);

    public long PacketsLost => Calls.Sum(c => c.Media.Lost);

    public bool Passed => Calls.Count > 0 && Failed == 0 && LongGapShare < 0.01;

    public int ExitCode => Passed ? 0 : 1;

    public string Format()
    {
        var text = new StringBuilder();
        var o = Options;
        if (o.Mode == LoadMode.Concurrent)
        {
            Line(text, $"telephony load: {o.Calls} concurrent calls (set up at {o.CallsPerSecond:0.#}/s) held {o.Hold.TotalSeconds:0.#} s to sip:{o.Number}@{o.Target}");
        }
        else
        {
            Line(text, $"telephony load: {o.CallsPerSecond:0.#} calls/s for {o.Duration.TotalSeconds:0.#} s, each held {o.Hold.TotalSeconds:0.#} s, to sip:{o.Number}@{o.Target}");
        }

        Line(text, $"run:    {Elapsed.TotalSeconds:F1} s, {o.SipSockets} SIP source port(s), RTP sent by us: {(o.SendRtp ? "yes" : "no")}, peak answered at once {PeakAnswered}");
        Line(text, $"calls:  offered {Calls.Count}, answered {Answered}, failed {Failed}{FailureBreakdown()}");
        var setup = Calls.Where(c => c.SetupMs.HasValue).Select(c => c.SetupMs!.Value).ToList();
        Line(text, $"setup:  INVITE to 200 p50 {Percentile(setup, 0.5):F1} ms, p99 {Percentile(setup, 0.99):F1} ms, max {Percentile(setup, 1):F1} ms");
        var streams = Streams;
        var gaps = streams.Select(c => c.MaxGapMs).ToList();
        var firstPacket = streams.Where(c => c.FirstPacketMs.HasValue).Select(c => c.FirstPacketMs!.Value).ToList();
        var expected = PacketsReceived + PacketsLost;
        Line(text, $"media:  {streams.Count} streams, {PacketsReceived} RTP packets received, {PacketsLost} lost ({(expected == 0 ? 0 : 100.0 * PacketsLost / expected):F3} %), first packet after 200 p50 {Percentile(firstPacket, 0.5):F0} ms, max {Percentile(firstPacket, 1):F0} ms");
        Line(text, $"gaps:   largest inter-arrival gap per stream p50 {Percentile(gaps, 0.5):F1} ms, p99 {Percentile(gaps, 0.99):F1} ms, max {Percentile(gaps, 1):F1} ms");
        Line(text, $"        streams with a gap over {o.MaxGap.TotalMilliseconds:0} ms: {StreamsWithLongGap} ({100 * LongGapShare:F2} %)");
        if (StreamsWithLongGap > 0)
        {
            Line(text, $"        when the largest of those gaps ended (second of the run: streams): {WorstGapSeconds()}");
        }

        Line(text, $"ours:   {RtpSent} RTP packets sent ({RtpSendErrors} send errors), {rtpPairsBound} RTP port pairs bound, {strayPackets} packets after a call's end, {unreadableSip} unreadable SIP datagrams");
        Line(text, $"        {unstampedPackets} RTP packets without a kernel arrival stamp (their gaps are measured from when we read them)");
        if (Passed)
        {
            Line(text, $"result: PASS (no failed call; {100 * LongGapShare:F2} % of streams with a gap over {o.MaxGap.TotalMilliseconds:0} ms, under 1 %)");
        }
        else
        {
            Line(text, $"result: FAIL ({Failed} failed calls; {100 * LongGapShare:F2} % of streams with a gap over {o.MaxGap.TotalMilliseconds:0} ms, the bar is under 1 %)");
        }
        return text.ToString();
    }

    /// <summary>
    /// The seconds of the run in which most streams' largest gap ended, busiest first: a stall of the whole sender
    /// shows as one second holding nearly every stream, a slow stream as a spread.
    /// </summary>
    private string WorstGapSeconds() => string.Join(", ", Streams
        .Where(c => c.Media.GapsOverThreshold > 0)
        .GroupBy(c => (int)c.MaxGapAtSeconds)
        .OrderByDescending(g => g.Count())
        .Take(5)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} s: {g.Count()}")));

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Ceiling(p * values.Count) - 1 < 0 ? 0 : Math.Ceiling(p * values.Count) - 1)];
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

    private string FailureBreakdown()
    {
        var groups = Calls.Where(c => c.Failure != CallFailure.None)
            .GroupBy(c => c.Failure == CallFailure.Rejected ? string.Create(CultureInfo.InvariantCulture, $"rejected {c.RejectStatus}") : c.Failure.ToString())
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"))
            .ToList();
        return groups.Count == 0 ? string.Empty : " (" + string.Join(", ", groups) + ")";
    }
}
