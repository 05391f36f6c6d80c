using Telephony.Reports;

namespace Telephony.Host.Acd.Live;

/// <summary>
/// How the live "today" figures count: the local day they reset at and the wait under which an abandon is short (left
/// out of the service level's base). Taken from the reports' settings so the wallboard and the daily report agree.
/// </summary>
public sealed record AcdLiveOptions(TimeZoneInfo TimeZone, TimeSpan ShortAbandonThreshold)
{
    public static AcdLiveOptions Default { get; } = From(new ReportsOptions());

    public static AcdLiveOptions From(ReportsOptions reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return new AcdLiveOptions(reports.ResolveTimeZone(), reports.ShortAbandonThreshold);
    }

    /// <summary>The local calendar day of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZone).DateTime);
}
