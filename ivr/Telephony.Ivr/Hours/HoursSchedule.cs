namespace Telephony.Ivr.Hours;

/// <summary>Weekly opening hours in a time zone, with holiday calendars and one-off closures.</summary>
public sealed record HoursSchedule
{
    /// <summary>IANA time zone id, e.g. "Asia/Baku".</summary>
    public required string TimeZone { get; init; }

    public required IReadOnlyList<WeeklyHours> Weekly { get; init; }

    /// <summary>Ids of <see cref="HolidayCalendar"/>s whose days are closed.</summary>
    public IReadOnlyList<string> HolidayCalendars { get; set; } = [];

    public IReadOnlyList<Closure> Closures { get; set; } = [];
}
