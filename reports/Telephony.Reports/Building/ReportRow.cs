namespace Telephony.Reports.Building;

/// <summary>One line of a report table: what it is about (a queue, an hour, a day…) and its figures.</summary>
public sealed record ReportRow(string Key, ReportFigures Figures);
