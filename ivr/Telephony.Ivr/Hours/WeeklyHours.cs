namespace Telephony.Ivr.Hours;

/// <summary>Opening hours on the given weekdays, local time, [Open, Close).</summary>
public sealed record WeeklyHours
{
    public required IReadOnlyList<DayOfWeek> Days { get; init; }

    public required TimeOnly Open { get; init; }

    /// <summary>First minute the line is closed again; must be after <see cref="Open"/> on the same day.</summary>
    public required TimeOnly Close { get; init; }
}
