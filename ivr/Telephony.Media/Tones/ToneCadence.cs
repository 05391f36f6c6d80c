namespace Telephony.Media.Tones;

/// <summary>A sequence of tone and pause steps, played once or repeated.</summary>
public sealed class ToneCadence
{
    /// <summary>Creates a cadence; at least one step, each with a positive duration.</summary>
    public ToneCadence(IEnumerable<ToneStep> steps, bool repeats, double levelDbm0 = -10)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = [.. steps];
        if (Steps.Count == 0 || Steps.Any(step => step.Duration <= TimeSpan.Zero))
        {
            throw new ArgumentException("A cadence needs at least one step, each lasting a positive time.", nameof(steps));
        }

        Repeats = repeats;
        LevelDbm0 = levelDbm0;
    }

    /// <summary>The steps in order.</summary>
    public IReadOnlyList<ToneStep> Steps { get; }

    /// <summary>Whether the cadence starts over after the last step.</summary>
    public bool Repeats { get; }

    /// <summary>Level of each frequency component in dBm0.</summary>
    public double LevelDbm0 { get; }
}
