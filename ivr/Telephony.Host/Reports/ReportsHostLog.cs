namespace Telephony.Host.Reports;

internal static partial class ReportsHostLog
{
    [LoggerMessage(EventId = 9401, Level = LogLevel.Information, Message = "Report scheduler started as node {InstanceId}")]
    public static partial void SchedulerStarted(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 9402, Level = LogLevel.Warning, Message = "Report scheduler not started ({Reason}); retrying in {RetrySeconds} s")]
    public static partial void SchedulerNotStarted(ILogger logger, string reason, double retrySeconds);
}
