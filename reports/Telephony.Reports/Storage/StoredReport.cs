namespace Telephony.Reports.Storage;

/// <summary>A generated report as listed: what period it covers, when and by whom it was made, and its files' names.</summary>
public sealed record StoredReport(
    long Id,
    string Kind,
    string Label,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string TimeZone,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    IReadOnlyList<string> Files);
