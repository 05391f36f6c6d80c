namespace Telephony.Media.Scheduling;

/// <summary>Settings of the media tick (bound from configuration section <c>Calls:Tick</c> by the host).</summary>
public sealed class MediaTickOptions
{
    /// <summary>
    /// The grid every stream's ptime is a multiple of; 2 ms covers 10/20/30/40/60 ms ptimes and gives a 20 ms stream ten
    /// phases, so the packets of a thousand calls go out in ten small bursts per ptime rather than two large ones (on one
    /// core, a 10 ms grid sent the last packet of half the ticks more than 5 ms late at 1,000 streams; 2 ms none at 2,000).
    /// </summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// How far before a deadline the loop stops sleeping (nanosleep overshoots by ~0.1–0.2 ms) and spins. The spin costs
    /// a share of a core (9 % of the host's CPU at 600 new calls a second) but keeps that core awake: with 0 (sleep to the
    /// deadline) the garbage collector's pauses under 1,000 calls were longer (gen0 p50 3.8–6.6 ms against 3.1–4.0 ms,
    /// 220–480 ms of pauses a run against 150–200 ms) and more runs had a pause long enough to gap every stream.
    /// </summary>
    public TimeSpan SpinThreshold { get; set; } = TimeSpan.FromMilliseconds(0.25);

    /// <summary>A tick starting later than this after its deadline counts as late.</summary>
    public TimeSpan LateThreshold { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// How far behind the loop may fall and still run every missed tick (sending a short burst);
    /// beyond this it skips to the present and streams see the skipped ticks.
    /// </summary>
    public TimeSpan MaxCatchUp { get; set; } = TimeSpan.FromMilliseconds(60);

    /// <summary>
    /// The media thread's SCHED_FIFO priority (1–99), so the tick is not kept waiting behind the host's other work; 0
    /// leaves it under normal time-sharing. Needs CAP_SYS_NICE or an RLIMIT_RTPRIO at least this high (systemd:
    /// <c>LimitRTPRIO=</c>); without either the thread runs at normal priority and the host logs a warning.
    /// </summary>
    public int RealtimePriority { get; set; } = 10;

    /// <summary>Throws with the offending key when a value is out of range.</summary>
    public void Validate()
    {
        if (Period < TimeSpan.FromMilliseconds(1) || Period > TimeSpan.FromMilliseconds(60))
        {
            throw new ArgumentOutOfRangeException(nameof(Period), Period, "Calls:Tick:Period must be between 1 and 60 ms.");
        }

        if (SpinThreshold < TimeSpan.Zero || SpinThreshold > Period)
        {
            throw new ArgumentOutOfRangeException(nameof(SpinThreshold), SpinThreshold, "Calls:Tick:SpinThreshold must be between 0 and the period.");
        }

        if (LateThreshold <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LateThreshold), LateThreshold, "Calls:Tick:LateThreshold must be positive.");
        }

        if (RealtimePriority is < 0 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(RealtimePriority), RealtimePriority, "Calls:Tick:RealtimePriority must be between 0 (off) and 99.");
        }

        if (MaxCatchUp < Period)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCatchUp), MaxCatchUp, "Calls:Tick:MaxCatchUp must be at least one period.");
        }
    }
}
