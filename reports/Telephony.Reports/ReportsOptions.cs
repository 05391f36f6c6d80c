namespace Telephony.Reports;

/// <summary>How the figures are counted and which calendar the reports use.</summary>
public sealed class ReportsOptions
{
    /// <summary>The IANA time zone whose local days, months and years the reports group by.</summary>
    public string TimeZone { get; set; } = "Asia/Baku";

    /// <summary>A call answered within this wait (inclusive) counts as within the service level.</summary>
    public TimeSpan ServiceLevelTarget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>An abandon after a shorter wait is a short abandon: counted apart and left out of the service level's base.</summary>
    public TimeSpan ShortAbandonThreshold { get; set; } = TimeSpan.FromSeconds(5);

    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Throws naming the key when a value cannot work.</summary>
    public void Validate()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            throw new InvalidOperationException($"Reports:TimeZone '{TimeZone}' is not a known time zone.");
        }

        if (ServiceLevelTarget <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Reports:ServiceLevelTarget must be positive.");
        }

        if (ShortAbandonThreshold < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Reports:ShortAbandonThreshold must not be negative.");
        }
    }
}
