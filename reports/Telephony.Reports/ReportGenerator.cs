using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Telephony.Reports.Building;
using Telephony.Reports.Diagnostics;
using Telephony.Reports.Export;
using Telephony.Reports.Periods;
using Telephony.Reports.Statistics;
using Telephony.Reports.Storage;

namespace Telephony.Reports;

/// <summary>
/// Makes one report: reads the period from report_interval_stats, writes the workbook, the CSV zip and the chart PNGs,
/// and stores them, replacing an earlier report of the same period.
/// </summary>
public sealed class ReportGenerator(
    ReportQuery query,
    IntervalStatisticsBuilder statistics,
    ReportStore store,
    ReportsOptions options,
    ReportsMetrics metrics,
    ILogger<ReportGenerator> logger)
{
    /// <summary>
    /// Generates and stores the report of <paramref name="period"/>. With <paramref name="rebuildStatistics"/> the period's buckets
    /// are recomputed from the raw rows first, so records that arrived late (spooled while the database was away) count;
    /// the scheduled daily report does that, a yearly one reads the buckets as they are.
    /// </summary>
    public async Task<GeneratedReport> GenerateAsync(ReportPeriod period, string generatedBy, bool rebuildStatistics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var stopwatch = Stopwatch.StartNew();
        if (rebuildStatistics)
        {
            var (from, to) = period.ToUtc(options.ResolveTimeZone());
            await statistics.RebuildAsync(from, to, cancellationToken);
        }

        var data = await query.ReadAsync(period, generatedBy, cancellationToken);
        var files = Render(data);
        var id = await store.SaveAsync(data, files, cancellationToken);
        metrics.ReportGenerated(period.KindName, stopwatch.Elapsed);
        ReportsLog.ReportGenerated(logger, period.KindName, period.Label, files.Count, stopwatch.ElapsedMilliseconds, generatedBy);
        return new GeneratedReport(id, data, files);
    }

    /// <summary>The report's files: workbook, CSV zip and charts, named after the kind and period.</summary>
    public static IReadOnlyList<ReportFile> Render(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var prefix = data.Period.KindName + "-" + data.Period.Label;
        var byTime = data.Tables[0];
        var byQueue = data.Tables.Single(t => t.Name == "By queue");
        var charts = new List<(string Name, byte[] Png)>
        {
            ("calls-by-time", ReportCharts.CallsByTime(byTime)),
            ("calls-by-queue", ReportCharts.CallsByQueue(byQueue)),
        };
        var files = new List<ReportFile>
        {
            new(prefix + ".xlsx", ReportFile.Xlsx, XlsxReportWriter.Write(data, charts)),
            new(prefix + "-csv.zip", ReportFile.Zip, CsvReportWriter.Write(data)),
        };
        files.AddRange(charts.Select(c => new ReportFile($"{prefix}-{c.Name}.png", ReportFile.Png, c.Png)));
        return files;
    }
}
