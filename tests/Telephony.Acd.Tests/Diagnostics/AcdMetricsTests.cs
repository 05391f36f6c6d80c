using System.Diagnostics.Metrics;
using Telephony.Acd.Diagnostics;
using Telephony.Acd.Queues;
using Telephony.Acd.Tests.Routing;
using static Telephony.Acd.Tests.Routing.AcdTestBed;

namespace Telephony.Acd.Tests.Diagnostics;

public sealed class AcdMetricsTests
{
    [Fact]
    public void Record_counts_outcomes_and_wait_by_queue()
    {
        using var metrics = new AcdMetrics();
        var measurements = new List<(string Instrument, double Value, string? Queue)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AcdMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, QueueTag(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, QueueTag(tags))));
        listener.Start();
        var bed = new AcdTestBed(Queue("q") with { MaxLength = 1, Overflow = OverflowTarget.Voicemail });
        bed.Agent("a1", (Ru, 5));

        metrics.Record(bed.Enqueue("c1", "q"));
        metrics.Record(bed.Ring("c1"));
        bed.AdvanceSeconds(4);
        metrics.Record(bed.Engine.Answer("c1"));
        metrics.Record(bed.Enqueue("c2", "q"));
        metrics.Record(bed.Enqueue("c3", "q"));

        Assert.Contains(("callers.queued", 1d, "q"), measurements);
        Assert.Contains(("callers.answered", 1d, "q"), measurements);
        Assert.Contains(("queue.wait", 4d, "q"), measurements);
        Assert.Contains(("callers.overflowed", 1d, "q"), measurements);
    }

    private static string? QueueTag(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "queue")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
