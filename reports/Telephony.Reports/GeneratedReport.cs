using Telephony.Reports.Building;
using Telephony.Reports.Storage;

namespace Telephony.Reports;

/// <summary>What <see cref="ReportGenerator.GenerateAsync"/> made and stored.</summary>
public sealed record GeneratedReport(long Id, ReportData Data, IReadOnlyList<ReportFile> Files);
