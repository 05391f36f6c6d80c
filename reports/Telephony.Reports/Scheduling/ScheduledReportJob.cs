using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;
using Telephony.Reports.Periods;

namespace Telephony.Reports.Scheduling;

/// <summary>
/// The Quartz job behind every scheduled report. Its job data names the kind; the period is the one that holds the local day
/// before the scheduled fire time (00:30 on the 24th → the 23rd; the 1st of a month → the month before), unless the firing's
/// data names a period ("period" = "2026-11-23"), as a manual run does.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledReportJob(ReportGenerator generator, ReportsOptions options, ILogger<ScheduledReportJob> logger) : IJob
{
    public const string KindKey = "kind";
    public const string PeriodKey = "period";
    public const string GeneratedByKey = "generatedBy";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var kind = ReportPeriod.ParseKind(data.GetString(KindKey) ?? "daily");
        var firedFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var period = data.GetString(PeriodKey) is { Length: > 0 } explicitPeriod
            ? ReportPeriod.Parse(ReportPeriod.KindNameOf(kind), explicitPeriod)
            : PeriodBefore(kind, firedFor, options.ResolveTimeZone());
        var generatedBy = data.GetString(GeneratedByKey) ?? "scheduler@" + context.Scheduler.SchedulerInstanceId;
        ReportsLog.ScheduledReportStarting(logger, period.KindName, period.Label, firedFor);
        try
        {
            // The daily report recomputes its day first so calls spooled while the database was away still count.
            await generator.GenerateAsync(period, generatedBy, rebuildStatistics: kind == ReportKind.Daily, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ReportsLog.ScheduledReportFailed(logger, exception, period.KindName, period.Label);
            throw new JobExecutionException(
                string.Create(CultureInfo.InvariantCulture, $"The {period.KindName} report {period.Label} failed."), exception);
        }
    }

    /// <summary>The period of <paramref name="kind"/> holding the local day before <paramref name="firedAt"/>.</summary>
    public static ReportPeriod PeriodBefore(ReportKind kind, DateTimeOffset firedAt, TimeZoneInfo timeZone)
    {
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(firedAt, timeZone).DateTime);
        return ReportPeriod.For(kind, localDay.AddDays(-1));
    }
}
