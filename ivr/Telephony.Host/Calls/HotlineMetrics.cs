using System.Diagnostics.Metrics;

namespace Telephony.Host.Calls;

/// <summary>
/// The hotline's calls on the "Telephony.Calls" meter: gauges of calls in the menu, waiting and talking (exported as
/// telephony_calls_in_ivr, telephony_calls_waiting, telephony_calls_talking), and each finished call's RTP jitter and
/// loss as histograms (telephony_calls_rtp_jitter, telephony_calls_rtp_loss).
/// </summary>
internal sealed class HotlineMetrics : IDisposable
{
    public const string MeterName = "Telephony.Calls";

    private readonly Meter _meter = new(MeterName);
    private readonly Func<IEnumerable<ActiveCall>> _calls;
    private readonly Histogram<double> _jitter;
    private readonly Histogram<double> _loss;

    public HotlineMetrics(Func<IEnumerable<ActiveCall>> calls)
    {
        _calls = calls;
        _meter.CreateObservableGauge("in_ivr", () => Count(HotlineCallPhase.Menu), "{call}", "Hotline calls in the voice menu now (before the queue or in the survey).");
        _meter.CreateObservableGauge("waiting", () => Count(HotlineCallPhase.Queue), "{call}", "Hotline calls waiting in a queue now.");
        _meter.CreateObservableGauge("talking", () => Count(HotlineCallPhase.Talking), "{call}", "Hotline calls bridged to an agent now.");
        _jitter = _meter.CreateHistogram(
            "rtp_jitter",
            "ms",
            "Interarrival jitter of the caller's RTP at the end of each call (RFC 3550).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 30, 50, 100, 200] });
        _loss = _meter.CreateHistogram(
            "rtp_loss",
            "1",
            "Share of the caller's RTP packets lost, per call.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2] });
    }

    public void CallFinished(HotlineCallRecord record)
    {
        if (record.JitterMs is { } jitter)
        {
            _jitter.Record(jitter);
        }

        if (record.RtpPacketsIn is { } received && record.RtpLost is { } lost && received + lost > 0)
        {
            _loss.Record((double)lost / (received + lost));
        }
    }

    public void Dispose() => _meter.Dispose();

    private int Count(HotlineCallPhase phase) => _calls().Count(call => call.Phase == phase);
}
