using Telephony.Reports.Periods;

namespace Telephony.Reports.Building;

/// <summary>Everything a report shows, read from report_interval_stats, before it is written as XLSX, CSV and charts.</summary>
public sealed record ReportData(
    ReportPeriod Period,
    string TimeZone,
    TimeSpan ServiceLevelTarget,
    TimeSpan ShortAbandonThreshold,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    ReportFigures Summary,
    IReadOnlyList<ReportTable> Tables);
