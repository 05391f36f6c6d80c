using System.Text.Json.Serialization;

namespace Telephony.Ivr.Hours;

/// <summary>Opening hours on the given weekdays, local time, [Open, Close).</summary>
public sealed record WeeklyHours
{
    public required IReadOnlyList<DayOfWeek> Days { get; init; }

    public required TimeOnly Open { get; init; }

    /// <summary>
    /// First moment the line is closed again, after <see cref="Open"/> on the same day; 00:00 means midnight at the
    /// end of the day, so 00:00–00:00 is open around the clock.
    /// </summary>
    public required TimeOnly Close { get; init; }

    /// <summary>Closing time as an offset from the start of the day, 24:00 for a closing time of 00:00.</summary>
    [JsonIgnore]
    public TimeSpan CloseOffset => Close == TimeOnly.MinValue ? TimeSpan.FromDays(1) : Close.ToTimeSpan();

    public bool Covers(TimeOnly time) => time >= Open && time.ToTimeSpan() < CloseOffset;
}
