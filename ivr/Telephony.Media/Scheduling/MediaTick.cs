namespace Telephony.Media.Scheduling;

/// <summary>One due tick of one stream.</summary>
/// <param name="Number">The stream's tick number: 0 for its first tick, then 1, 2… by deadline (gaps when ticks were skipped).</param>
/// <param name="Deadline">When this tick was due, on the scheduler's monotonic clock.</param>
/// <param name="Lateness">How long after the deadline the tick started.</param>
/// <param name="SamplesPerTick">Samples in one ptime at the stream's clock rate.</param>
/// <param name="SkippedTicks">The stream's ticks dropped since its previous call (the loop fell behind).</param>
public readonly record struct MediaTick(long Number, TimeSpan Deadline, TimeSpan Lateness, int SamplesPerTick, long SkippedTicks)
{
    /// <summary>
    /// Samples since the stream's first tick, from the deadline rather than from a count of calls,
    /// so the RTP timestamp (initial + this) never drifts and jumps correctly over skipped ticks.
    /// </summary>
    public long ElapsedSamples => Number * SamplesPerTick;

    /// <summary>
    /// How far ahead of <see cref="Deadline"/> the tick runs: zero when its packet is sent at once, else the packet is
    /// handed over to leave at <see cref="DueTimestamp"/> (see <see cref="MediaTickScheduler.TryRunAhead"/>).
    /// </summary>
    public TimeSpan Lead { get; init; }

    /// <summary>The deadline as a timestamp of the scheduler's <see cref="TimeProvider"/>: when a packet run ahead must leave.</summary>
    public long DueTimestamp { get; init; }
}
