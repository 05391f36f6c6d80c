using Microsoft.Extensions.Logging;

namespace Telephony.Reports;

/// <summary>The reports module's log events (band 6000).</summary>
internal static partial class ReportsLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Generated {Kind} report {Period} ({Files} files) in {ElapsedMs} ms for {GeneratedBy}")]
    public static partial void ReportGenerated(ILogger logger, string kind, string period, int files, long elapsedMs, string generatedBy);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Scheduled {Kind} report for {Period} starts (fired at {FiredAt:o})")]
    public static partial void ScheduledReportStarting(ILogger logger, string kind, string period, DateTimeOffset firedAt);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Scheduled {Kind} report for {Period} failed")]
    public static partial void ScheduledReportFailed(ILogger logger, Exception exception, string kind, string period);
}
