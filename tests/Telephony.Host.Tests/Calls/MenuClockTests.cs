using Microsoft.Extensions.Time.Testing;
using Telephony.Host.Calls;

namespace Telephony.Host.Tests.Calls;

public sealed class MenuClockTests
{
    private static readonly DateTimeOffset RealNow = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-03-20T10:00:00+04:00")]
    [InlineData("2026-03-20T06:00:00Z")]
    [InlineData("2026-03-20T10:00+04:00")]
    public void TryParse_instant_with_offset_stands_there_while_the_real_clock_runs(string text)
    {
        var real = new FakeTimeProvider(RealNow);

        var clock = MenuClock.TryParse(text, real, out var problem);
        real.Advance(TimeSpan.FromHours(3));

        Assert.True(clock is not null, problem);
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 6, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Theory]
    [InlineData("+12:00:00", 12 * 60)]
    [InlineData("-1.02:00:00", -26 * 60)]
    [InlineData("+00:30", 30)]
    public void TryParse_signed_duration_runs_that_far_from_the_real_clock(string text, int minutes)
    {
        var real = new FakeTimeProvider(RealNow);

        var clock = MenuClock.TryParse(text, real, out var problem);
        real.Advance(TimeSpan.FromMinutes(5));

        Assert.True(clock is not null, problem);
        Assert.Equal(RealNow.AddMinutes(5 + minutes), clock.GetUtcNow());
        Assert.Equal(real.GetTimestamp(), clock.GetTimestamp());
    }

    [Theory]
    [InlineData("2026-03-20T10:00:00")]
    [InlineData("12:00:00")]
    [InlineData("+tomorrow")]
    [InlineData("+00:00:00")]
    [InlineData("soon")]
    public void TryParse_instant_without_offset_or_unsigned_or_empty_duration_is_refused(string text)
    {
        var clock = MenuClock.TryParse(text, new FakeTimeProvider(RealNow), out var problem);

        Assert.Null(clock);
        Assert.Contains(text, problem, StringComparison.Ordinal);
    }
}
