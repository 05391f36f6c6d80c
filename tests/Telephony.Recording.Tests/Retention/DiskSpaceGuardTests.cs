using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Recording.Retention;

namespace Telephony.Recording.Tests.Retention;

public sealed class DiskSpaceGuardTests
{
    [Fact]
    public void Guard_below_threshold_raises_the_alarm_gauge_and_clears_it_when_space_returns()
    {
        var free = 500L;
        using var metrics = new RecordingMetrics();
        var guard = new DiskSpaceGuard(new RecordingOptions { MinFreeBytes = 1000 }, metrics, NullLogger<DiskSpaceGuard>.Instance, () => free);

        Assert.True(guard.Check());
        Assert.True(guard.IsLow);
        Assert.Equal(1, ReadGauge(metrics, "disk_low"));

        free = 5000;
        Assert.False(guard.Check());
        Assert.False(guard.IsLow);
        Assert.Equal(0, ReadGauge(metrics, "disk_low"));
    }

    [Theory]
    [InlineData("Recording:FlushInterval")]
    [InlineData("Recording:DefaultRetentionDays")]
    public void Options_bad_value_names_its_key(string key)
    {
        var options = key == "Recording:FlushInterval"
            ? new RecordingOptions { FlushInterval = TimeSpan.Zero }
            : new RecordingOptions { DefaultRetentionDays = 0 };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static long ReadGauge(RecordingMetrics metrics, string name)
    {
        long value = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Other test classes own meters of the same name; listen to this instance's only.
            if (ReferenceEquals(instrument.Meter, metrics.Meter) && instrument.Name == name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }
}
