using Telephony.Acd.Estimation;

namespace Telephony.Acd.Tests.Estimation;

public sealed class HandleTimeAverageTests
{
    [Fact]
    public void Average_is_null_before_first_sample_then_equals_it()
    {
        var average = new HandleTimeAverage(0.2);
        Assert.Null(average.Average);

        average.Add(TimeSpan.FromSeconds(100));

        Assert.Equal(TimeSpan.FromSeconds(100), average.Average);
    }

    [Fact]
    public void Average_weights_new_samples_by_smoothing()
    {
        var average = new HandleTimeAverage(0.25);
        average.Add(TimeSpan.FromSeconds(100));
        average.Add(TimeSpan.FromSeconds(200));

        Assert.Equal(125, average.Average!.Value.TotalSeconds, 6);
        Assert.Equal(2, average.Samples);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_rejects_smoothing_outside_zero_to_one(double smoothing)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HandleTimeAverage(smoothing));
    }
}
