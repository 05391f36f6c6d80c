namespace Telephony.Acd.Queues;

/// <summary>"<see cref="Fraction"/> of callers answered within <see cref="Threshold"/>", e.g. 80% within 20 s.</summary>
public sealed record ServiceLevelTarget
{
    public ServiceLevelTarget(double fraction, TimeSpan threshold)
    {
        if (fraction is <= 0 or > 1 || double.IsNaN(fraction))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "Service-level fraction must be in (0, 1].");
        }

        if (threshold <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "Service-level threshold must be positive.");
        }

        Fraction = fraction;
        Threshold = threshold;
    }

    public static ServiceLevelTarget Default { get; } = new(0.8, TimeSpan.FromSeconds(20));

    public double Fraction { get; }

    public TimeSpan Threshold { get; }
}
