using System.Diagnostics.Metrics;

namespace Telephony.Media;

/// <summary>
/// The media layer's instruments, on the meter <c>Telephony.Media</c>: tick lateness (histogram,
/// milliseconds), late and skipped ticks, and faulted streams. The host exports them.
/// </summary>
public sealed class MediaMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Telephony.Media";

    private readonly Meter _meter;
    private readonly Histogram<double> _tickLateness;
    private readonly Counter<long> _lateTicks;
    private readonly Counter<long> _skippedTicks;
    private readonly Counter<long> _faultedStreams;

    /// <summary>Creates the instruments through the host's meter factory, or a standalone meter when none.</summary>
    public MediaMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _tickLateness = _meter.CreateHistogram<double>(
            "tick_lateness",
            unit: "ms",
            description: "How long after its deadline each media tick started.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100] });
        _lateTicks = _meter.CreateCounter<long>("late_ticks", description: "Media ticks that started later than the lateness threshold.");
        _skippedTicks = _meter.CreateCounter<long>("skipped_ticks", description: "Media ticks dropped because the loop fell too far behind.");
        _faultedStreams = _meter.CreateCounter<long>("faulted_streams", description: "Streams removed because their tick threw.");
    }

    internal void TickRan(TimeSpan lateness, bool late)
    {
        _tickLateness.Record(lateness.TotalMilliseconds);
        if (late)
        {
            _lateTicks.Add(1);
        }
    }

    internal void TicksSkipped(long count) => _skippedTicks.Add(count);

    internal void StreamFaulted() => _faultedStreams.Add(1);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
