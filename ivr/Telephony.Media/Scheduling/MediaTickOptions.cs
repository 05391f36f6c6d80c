namespace Telephony.Media.Scheduling;

/// <summary>Settings of the media tick (bound from configuration section <c>Media:Tick</c> by the host).</summary>
public sealed class MediaTickOptions
{
    /// <summary>The grid every stream's ptime is a multiple of; 10 ms covers 10/20/30/40/60 ms ptimes.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How far before a deadline the loop stops sleeping (nanosleep overshoots by ~0.1–0.2 ms) and spins.</summary>
    public TimeSpan SpinThreshold { get; set; } = TimeSpan.FromMilliseconds(0.25);

    /// <summary>A tick starting later than this after its deadline counts as late.</summary>
    public TimeSpan LateThreshold { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// How far behind the loop may fall and still run every missed tick (sending a short burst);
    /// beyond this it skips to the present and streams see the skipped ticks.
    /// </summary>
    public TimeSpan MaxCatchUp { get; set; } = TimeSpan.FromMilliseconds(60);

    /// <summary>Throws with the offending key when a value is out of range.</summary>
    public void Validate()
    {
        if (Period < TimeSpan.FromMilliseconds(1) || Period > TimeSpan.FromMilliseconds(60))
        {
            throw new ArgumentOutOfRangeException(nameof(Period), Period, "Media:Tick:Period must be between 1 and 60 ms.");
        }

        if (SpinThreshold < TimeSpan.Zero || SpinThreshold > Period)
        {
            throw new ArgumentOutOfRangeException(nameof(SpinThreshold), SpinThreshold, "Media:Tick:SpinThreshold must be between 0 and the period.");
        }

        if (LateThreshold <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LateThreshold), LateThreshold, "Media:Tick:LateThreshold must be positive.");
        }

        if (MaxCatchUp < Period)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCatchUp), MaxCatchUp, "Media:Tick:MaxCatchUp must be at least one period.");
        }
    }
}
