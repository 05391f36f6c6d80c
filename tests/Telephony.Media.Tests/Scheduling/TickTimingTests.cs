using Telephony.Media.Scheduling;

namespace Telephony.Media.Tests.Scheduling;

public sealed class TickTimingTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Origin = TimeSpan.FromSeconds(5);

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Fact]
    public void First_tick_is_due_at_origin_and_not_before()
    {
        var timing = new TickTiming(Origin, Period, Ms(60));
        var early = timing.Decide(Origin - Ms(3));

        Assert.False(early.IsDue);
        Assert.Equal(Ms(3), early.Wait);
        var due = timing.Decide(Origin);
        Assert.True(due.IsDue);
        Assert.Equal(0, due.Tick);
        Assert.Equal(TimeSpan.Zero, due.Lateness);
    }

    [Fact]
    public void Late_wakeup_does_not_move_later_deadlines()
    {
        var timing = new TickTiming(Origin, Period, Ms(60));
        timing.Decide(Origin);

        // Tick 1 runs 4 ms late; tick 2 is still due at origin + 20 ms.
        var late = timing.Decide(Origin + Ms(14));
        Assert.Equal(Ms(4), late.Lateness);
        var next = timing.Decide(Origin + Ms(14));
        Assert.False(next.IsDue);
        Assert.Equal(Origin + Ms(20), next.Deadline);
        Assert.Equal(Ms(6), next.Wait);
    }

    [Fact]
    public void Thousand_ticks_end_exactly_on_the_grid()
    {
        var timing = new TickTiming(Origin, Period, Ms(60));
        var jitter = new Random(1);
        TickDecision last = default;
        for (var i = 0; i < 1000; i++)
        {
            var now = timing.DeadlineOf(timing.NextTick) + Ms(jitter.NextDouble() * 3);
            last = timing.Decide(now);
        }

        Assert.Equal(999, last.Tick);
        Assert.Equal(Origin + (Period * 999), last.Deadline);
    }

    [Fact]
    public void Small_stall_runs_every_missed_tick()
    {
        var timing = new TickTiming(Origin, Period, Ms(60));
        timing.Decide(Origin);
        var now = Origin + Ms(45);
        var ticks = new List<long>();
        for (var decision = timing.Decide(now); decision.IsDue; decision = timing.Decide(now))
        {
            Assert.Equal(0, decision.SkippedTicks);
            ticks.Add(decision.Tick);
        }

        Assert.Equal([1, 2, 3, 4], ticks);
    }

    [Fact]
    public void Stall_beyond_catch_up_limit_skips_to_the_present()
    {
        var timing = new TickTiming(Origin, Period, Ms(60));
        timing.Decide(Origin);
        var decision = timing.Decide(Origin + Ms(205));

        Assert.True(decision.IsDue);
        Assert.Equal(20, decision.Tick);
        Assert.Equal(19, decision.SkippedTicks);
        Assert.Equal(Ms(5), decision.Lateness);
        Assert.False(timing.Decide(Origin + Ms(205)).IsDue);
    }
}
