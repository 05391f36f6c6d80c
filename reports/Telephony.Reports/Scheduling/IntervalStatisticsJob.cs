using Quartz;
using Telephony.Reports.Statistics;

namespace Telephony.Reports.Scheduling;

/// <summary>
/// Every five minutes, on one host of the cluster: recomputes the buckets of the last <see cref="Window"/>, so calls that ended
/// since the last run count on the wallboard and in today's figures without the call path having to call the builder.
/// Calls that started earlier than the window (very long calls, records spooled for hours) are caught by the daily report's rebuild.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IntervalStatisticsJob(IntervalStatisticsBuilder statistics, TimeProvider timeProvider) : IJob
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(2);

    public const string Cron = "0 0/5 * * * ?";

    public static readonly JobKey Key = new("interval-statistics", ReportsScheduling.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await statistics.RebuildAsync(now - Window, now, cancellationToken);
    }
}
