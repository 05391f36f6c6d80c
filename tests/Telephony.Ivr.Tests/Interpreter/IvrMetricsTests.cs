using System.Diagnostics.Metrics;
using Telephony.Ivr.Demo;
using Telephony.Ivr.Interpreter;

namespace Telephony.Ivr.Tests.Interpreter;

public sealed class IvrMetricsTests
{
    [Fact]
    public async Task Record_counts_each_menu_segment_once_across_a_resume()
    {
        using var metrics = new IvrMetrics();
        var measurements = new List<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IvrMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.Start();
        var bed = new IvrTestBed();
        var call = bed.Call().Press("2", "7").Then(CallerAction.Silence).Press("3");

        var queued = await bed.RunAsync(call, DemoHotline.LoadTree());
        metrics.Record(queued);
        call.AgentLeft();
        call.Press("5");
        metrics.Record(await bed.Interpreter.ResumeAfterAgentAsync(queued, CancellationToken.None));

        Assert.Contains(("retries", 1d, "reason=invalid"), measurements);
        Assert.Contains(("retries", 1d, "reason=timeout"), measurements);
        Assert.Equal(2, measurements.Count(m => m.Instrument == "retries"));
        Assert.Equal(1, measurements.Count(m => m.Instrument == "hours.checks"));
        Assert.Contains(("exits", 1d, "exit=HandedToQueue,disposition=Queued"), measurements);
        Assert.Contains(("exits", 1d, "exit=HungUpByMenu,disposition=Queued"), measurements);
        Assert.Equal(2, measurements.Count(m => m.Instrument == "time_in_menu"));
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(',', parts);
    }
}
