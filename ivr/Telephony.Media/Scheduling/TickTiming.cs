namespace Telephony.Media.Scheduling;

/// <summary>
/// The pure timing of the media tick: grid tick <c>n</c> is due at <c>origin + n·period</c>, an
/// absolute deadline, so lateness never accumulates into drift. Given the current time it says
/// whether the next tick is due, how late it is, and how many ticks to skip when the loop fell more
/// than the catch-up limit behind. No clock, no thread: testable with any time values.
/// </summary>
public sealed class TickTiming
{
    private readonly TimeSpan _origin;
    private readonly TimeSpan _period;
    private readonly long _maxCatchUpTicks;

    /// <summary>Starts the grid at <paramref name="origin"/> (tick 0 is due then).</summary>
    public TickTiming(TimeSpan origin, TimeSpan period, TimeSpan maxCatchUp)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _origin = origin;
        _period = period;
        _maxCatchUpTicks = Math.Max(1, maxCatchUp.Ticks / period.Ticks);
    }

    /// <summary>The next grid tick to run.</summary>
    public long NextTick { get; private set; }

    /// <summary>The deadline of grid tick <paramref name="tick"/>.</summary>
    public TimeSpan DeadlineOf(long tick) => _origin + (_period * tick);

    /// <summary>
    /// Decides for time <paramref name="now"/>. When the result is due the tick counts as taken:
    /// the next call considers the following one.
    /// </summary>
    public TickDecision Decide(TimeSpan now)
    {
        var deadline = DeadlineOf(NextTick);
        if (now < deadline)
        {
            return new TickDecision(false, NextTick, deadline, TimeSpan.Zero, 0, deadline - now);
        }

        // The newest tick whose deadline has passed; run everything up to it unless that is too much.
        var latestDue = (now - _origin).Ticks / _period.Ticks;
        long skipped = 0;
        if (latestDue - NextTick >= _maxCatchUpTicks)
        {
            skipped = latestDue - NextTick;
            NextTick = latestDue;
            deadline = DeadlineOf(NextTick);
        }

        var tick = NextTick++;
        return new TickDecision(true, tick, deadline, now - deadline, skipped, TimeSpan.Zero);
    }
}
