namespace Telephony.Media.Scheduling;

/// <summary>What the tick loop should do at a given moment (see <see cref="TickTiming.Decide"/>).</summary>
/// <param name="IsDue">True when grid tick <paramref name="Tick"/> must run now.</param>
/// <param name="Tick">The grid tick number to run (when due).</param>
/// <param name="Deadline">That tick's deadline, or the next deadline when not due.</param>
/// <param name="Lateness">How late the due tick is (zero when not due).</param>
/// <param name="SkippedTicks">Ticks dropped before this one because the loop fell too far behind.</param>
/// <param name="Wait">When not due: how long until the deadline.</param>
public readonly record struct TickDecision(bool IsDue, long Tick, TimeSpan Deadline, TimeSpan Lateness, long SkippedTicks, TimeSpan Wait);
