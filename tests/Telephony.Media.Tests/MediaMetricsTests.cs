using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Media.Scheduling;

namespace Telephony.Media.Tests;

public sealed class MediaMetricsTests
{
    [Fact]
    public void Lateness_samples_reach_the_histogram_each_second_on_the_clock_and_counters_are_read_when_collected()
    {
        var time = new FakeTimeProvider();
        using var metrics = new MediaMetrics(null, time);
        var lateness = new List<double>();
        var counters = new Dictionary<string, long>();
        using var listener = Listen(metrics, lateness, counters);
        using var scheduler = new MediaTickScheduler(new MediaTickOptions { Period = TimeSpan.FromMilliseconds(10) }, time, metrics, NullLogger<MediaTickScheduler>.Instance);

        scheduler.RunDueTicks();
        time.Advance(TimeSpan.FromMilliseconds(13));
        scheduler.RunDueTicks();
        Assert.Empty(lateness);

        time.Advance(TimeSpan.FromSeconds(1));
        listener.RecordObservableInstruments();

        Assert.Contains(3.0, lateness);
        Assert.Equal(1, counters["late_ticks"]);
        Assert.Equal(0, counters["skipped_ticks"]);
    }

    [Fact]
    public void Samples_beyond_what_the_ring_holds_between_publications_are_dropped_and_counted()
    {
        var time = new FakeTimeProvider();
        using var metrics = new MediaMetrics();
        var lateness = new List<double>();
        using var listener = Listen(metrics, lateness, []);
        using var scheduler = new MediaTickScheduler(new MediaTickOptions(), time, metrics, NullLogger<MediaTickScheduler>.Instance);

        // 10 s of 2 ms ticks with nobody publishing: the ring keeps the first 4,096.
        for (var i = 0; i < 5000; i++)
        {
            scheduler.RunDueTicks();
            time.Advance(TimeSpan.FromMilliseconds(2));
        }

        metrics.Publish();
        Assert.Equal(4096, lateness.Count);
        Assert.Equal(5000 - 4096, metrics.DroppedSamples);

        scheduler.RunDueTicks();
        metrics.Publish();
        Assert.Equal(4097, lateness.Count);
    }

    private static MeterListener Listen(MediaMetrics metrics, List<double> lateness, Dictionary<string, long> counters)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == metrics.Meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => lateness.Add(value));
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => counters[instrument.Name] = value);
        listener.Start();
        return listener;
    }
}
