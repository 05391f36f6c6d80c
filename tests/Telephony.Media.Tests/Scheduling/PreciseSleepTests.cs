using System.Diagnostics;
using Telephony.Media.Scheduling;

namespace Telephony.Media.Tests.Scheduling;

/// <summary>
/// The media thread's sleep goes to nanosleep through a hand-declared struct timespec: a wrong layout would sleep
/// seconds (or nothing). Only bounds that a loaded machine cannot break are asserted: never shorter, never absurdly long.
/// </summary>
public sealed class PreciseSleepTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(3)]
    [InlineData(1200)]
    public void For_sleeps_at_least_the_duration_and_not_seconds_more(double milliseconds)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);
        var started = Stopwatch.GetTimestamp();

        PreciseSleep.For(duration);

        var slept = Stopwatch.GetElapsedTime(started);
        Assert.True(slept >= duration, $"slept {slept.TotalMilliseconds} ms of {milliseconds}");
        Assert.True(slept < duration + TimeSpan.FromSeconds(1), $"slept {slept.TotalMilliseconds} ms of {milliseconds}");
    }

    [Fact]
    public void For_zero_or_negative_returns_at_once()
    {
        var started = Stopwatch.GetTimestamp();

        PreciseSleep.For(TimeSpan.Zero);
        PreciseSleep.For(TimeSpan.FromMilliseconds(-5));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromMilliseconds(500));
    }
}
