using System.Globalization;

namespace Telephony.Reports.Periods;

/// <summary>
/// A report's period: local calendar days [<see cref="Start"/>, <see cref="End"/>) in the reports' time zone.
/// Parsed from the kind and a date inside the period ("2026-11-23"), or the period's own spelling
/// ("2026-11" monthly, "2026-Q4" quarterly, "2026" yearly).
/// </summary>
public sealed record ReportPeriod(ReportKind Kind, DateOnly Start, DateOnly End)
{
    public static ReportPeriod Parse(string kind, string period)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(period);
        var parsedKind = ParseKind(kind);
        return For(parsedKind, ParseAnchor(parsedKind, period.Trim()));
    }

    /// <summary>The period of the given kind that contains <paramref name="day"/>.</summary>
    public static ReportPeriod For(ReportKind kind, DateOnly day) => kind switch
    {
        ReportKind.Daily => new(kind, day, day.AddDays(1)),
        ReportKind.Monthly => Months(kind, new DateOnly(day.Year, day.Month, 1), 1),
        ReportKind.Quarterly => Months(kind, new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1), 3),
        ReportKind.Yearly => Months(kind, new DateOnly(day.Year, 1, 1), 12),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown report kind."),
    };

    public static ReportKind ParseKind(string kind) => kind.ToUpperInvariant() switch
    {
        "DAILY" => ReportKind.Daily,
        "MONTHLY" => ReportKind.Monthly,
        "QUARTERLY" => ReportKind.Quarterly,
        "YEARLY" => ReportKind.Yearly,
        _ => throw new FormatException($"Unknown report kind '{kind}': use daily, monthly, quarterly or yearly."),
    };

    /// <summary>The lower-case name used in the database, URLs and file names.</summary>
    public string KindName => KindNameOf(Kind);

    /// <summary>The period's own spelling: 2026-11-23, 2026-11, 2026-Q4, 2026.</summary>
    public string Label => Kind switch
    {
        ReportKind.Daily => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReportKind.Monthly => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ReportKind.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{((Start.Month - 1) / 3) + 1}"),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    public static string KindNameOf(ReportKind kind) => kind switch
    {
        ReportKind.Daily => "daily",
        ReportKind.Monthly => "monthly",
        ReportKind.Quarterly => "quarterly",
        _ => "yearly",
    };

    /// <summary>The UTC instants the period spans in the given time zone.</summary>
    public (DateTimeOffset From, DateTimeOffset To) ToUtc(TimeZoneInfo timeZone) => (LocalMidnight(Start, timeZone), LocalMidnight(End, timeZone));

    public static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A zone whose clocks jump over midnight starts the day at the first instant that exists.
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, timeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static ReportPeriod Months(ReportKind kind, DateOnly first, int months) => new(kind, first, first.AddMonths(months));

    private static DateOnly ParseAnchor(ReportKind kind, string period)
    {
        if (DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (kind == ReportKind.Monthly && DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        if (kind == ReportKind.Quarterly && period.Length == 7 && period[4] == '-' && (period[5] is 'Q' or 'q')
            && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var quarterYear)
            && period[6] is >= '1' and <= '4')
        {
            return new DateOnly(quarterYear, ((period[6] - '1') * 3) + 1, 1);
        }

        if (kind == ReportKind.Yearly && period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            return new DateOnly(year, 1, 1);
        }

        throw new FormatException($"'{period}' is not a {KindNameOf(kind)} period: use a date (2026-11-23) or the period's own spelling.");
    }
}
