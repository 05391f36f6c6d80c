using Telephony.Ivr.Serialization;

namespace Telephony.Ivr.Hours;

/// <summary>
/// Holiday calendars shipped with the server as editable data (Hours/Data/*.json). The admin pages copy one into the
/// database on first start and edit it there; this class reads the shipped version.
/// </summary>
public static class PublicHolidays
{
    /// <summary>Id of the Republic of Azerbaijan's non-working holidays calendar.</summary>
    public const string AzerbaijanId = "az-public";

    private const string AzerbaijanResource = "Telephony.Ivr.Hours.Data.az-public-holidays.json";

    /// <summary>Non-working public holidays of Azerbaijan for 2026 and 2027, with carried-over days off.</summary>
    public static HolidayCalendar Azerbaijan()
    {
        using var stream = typeof(PublicHolidays).Assembly.GetManifestResourceStream(AzerbaijanResource)
            ?? throw new InvalidOperationException($"Embedded resource {AzerbaijanResource} is missing from the build.");
        return IvrJson.ReadHolidayCalendar(stream);
    }
}
