using System.Diagnostics.Metrics;

namespace Telephony.Media;

/// <summary>
/// The media layer's instruments, on the meter <c>Telephony.Media</c>: tick lateness (histogram, milliseconds), late and
/// skipped ticks, and faulted streams. The host exports them. The media thread never calls into a metrics listener:
/// the exporter's listener takes locks of its own, and the real-time media thread once spun 88 ms in one while 500
/// calls' packets waited. It writes plain fields and a ring of lateness samples instead; the counters are read when
/// collected, and <see cref="Publish"/> (every second on the given clock) records the samples into the histogram.
/// </summary>
public sealed class MediaMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Telephony.Media";

    /// <summary>Lateness samples the ring holds between two publications: eight seconds of a 2 ms tick.</summary>
    private const int RingSize = 4096;

    private readonly Meter _meter;
    private readonly Histogram<double> _tickLateness;
    private readonly double[] _ring = new double[RingSize];
    private readonly Lock _publishing = new();
    private readonly ITimer? _publisher;

    /// <summary>Samples written (by the media thread only) and published (under <see cref="_publishing"/>).</summary>
    private long _written;
    private long _published;
    private long _lateTicks;
    private long _skippedTicks;
    private long _faultedStreams;
    private long _droppedSamples;

    /// <summary>
    /// Creates the instruments through the host's meter factory, or a standalone meter when none. With
    /// <paramref name="timeProvider"/>, lateness samples are published every second; without, call <see cref="Publish"/>.
    /// </summary>
    public MediaMetrics(IMeterFactory? meterFactory = null, TimeProvider? timeProvider = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _tickLateness = _meter.CreateHistogram<double>(
            "tick_lateness",
            unit: "ms",
            description: "How long after its deadline each media tick started.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100] });
        _meter.CreateObservableCounter("late_ticks", () => Interlocked.Read(ref _lateTicks), description: "Media ticks that started later than the lateness threshold.");
        _meter.CreateObservableCounter("skipped_ticks", () => Interlocked.Read(ref _skippedTicks), description: "Media ticks dropped because the loop fell too far behind.");
        _meter.CreateObservableCounter("faulted_streams", () => Interlocked.Read(ref _faultedStreams), description: "Streams removed because their tick threw.");
        _publisher = timeProvider?.CreateTimer(_ => Publish(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Lateness samples lost because nobody published them for longer than the ring lasts.</summary>
    public long DroppedSamples => Interlocked.Read(ref _droppedSamples);

    /// <summary>Records the lateness samples the media thread wrote since the last call into the histogram. Any thread but the media thread.</summary>
    public void Publish()
    {
        lock (_publishing)
        {
            var written = Volatile.Read(ref _written);
            for (var sample = _published; sample < written; sample++)
            {
                _tickLateness.Record(_ring[sample % RingSize]);
            }

            Volatile.Write(ref _published, written);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _publisher?.Dispose();
        _meter.Dispose();
    }

    /// <summary>The meter, for tests that listen to this instance's instruments only.</summary>
    internal Meter Meter => _meter;

    internal void TickRan(TimeSpan lateness, bool late)
    {
        var written = _written;
        if (written - Volatile.Read(ref _published) >= RingSize)
        {
            Interlocked.Increment(ref _droppedSamples);
        }
        else
        {
            _ring[written % RingSize] = lateness.TotalMilliseconds;
            Volatile.Write(ref _written, written + 1);
        }

        if (late)
        {
            Interlocked.Increment(ref _lateTicks);
        }
    }

    internal void TicksSkipped(long count) => Interlocked.Add(ref _skippedTicks, count);

    internal void StreamFaulted() => Interlocked.Increment(ref _faultedStreams);
}
