namespace Telephony.Reports.Building;

/// <summary>One table of a report: a sheet in the workbook, a file in the CSV zip.</summary>
public sealed record ReportTable(string Name, string KeyHeading, ReportTableShape Shape, IReadOnlyList<ReportRow> Rows);
