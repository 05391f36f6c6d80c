using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using Telephony.Reports.Building;
using Telephony.Reports.Diagnostics;
using Telephony.Reports.Periods;
using Telephony.Reports.Statistics;
using Telephony.Reports.Storage;

namespace Telephony.Reports.Scheduling;

/// <summary>
/// Registers the reports and their schedule: Quartz with the PostgreSQL job store in clustered mode (tables from
/// <see cref="ReportsSchema"/>), so with several hosts on one database each firing runs on one host only.
/// Daily at 00:30 local for the day before; monthly at 01:00 on the 1st; quarterly at 01:30 on the first day of a quarter;
/// yearly at 02:00 on 1 January; each for the period that just ended. Every five minutes <see cref="IntervalStatisticsJob"/>
/// refreshes the last two hours of buckets.
/// </summary>
public static class ReportsScheduling
{
    public const string SchedulerName = "telephony-reports";
    public const string JobGroup = "reports";

    public static readonly IReadOnlyDictionary<ReportKind, string> CronSchedules = new Dictionary<ReportKind, string>
    {
        [ReportKind.Daily] = "0 30 0 * * ?",
        [ReportKind.Monthly] = "0 0 1 1 * ?",
        [ReportKind.Quarterly] = "0 30 1 1 1,4,7,10 ?",
        [ReportKind.Yearly] = "0 0 2 1 1 ?",
    };

    /// <summary>
    /// The reports' services: <see cref="IntervalStatisticsBuilder"/>, <see cref="ReportQuery"/>, <see cref="ReportStore"/>,
    /// <see cref="ReportGenerator"/>, <see cref="ReportsMetrics"/>. Needs an <see cref="NpgsqlDataSource"/>, a <see cref="TimeProvider"/> and logging registered.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services, ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<IntervalStatisticsBuilder>();
        services.AddSingleton<ReportQuery>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportGenerator>();
        services.AddSingleton<ReportsMetrics>();
        return services;
    }

    /// <summary>
    /// The Quartz scheduler for the reports (call after <see cref="AddReports"/>), started and stopped by a hosted service.
    /// <paramref name="instanceId"/> must differ per host (the host id); <paramref name="idleWait"/> is how often an idle node
    /// looks for due triggers (default 30 s). A host that must start before its database answers passes
    /// <paramref name="startWithHost"/> false and starts the scheduler itself once the schema is in place.
    /// </summary>
    public static IServiceCollection AddReportsScheduling(
        this IServiceCollection services, string connectionString, string instanceId, TimeZoneInfo timeZone, TimeSpan? idleWait = null,
        bool startWithHost = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentNullException.ThrowIfNull(timeZone);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                scheduler.InstanceId = instanceId;
                scheduler.IdleWaitTime = idleWait ?? TimeSpan.FromSeconds(30);
                scheduler.DefaultTimeZone = timeZone;
            });
            quartz.UseDefaultThreadPool(1);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(NpgsqlFactory.Instance, connectionString);
                store.UseClustering();
            });
            foreach (var (kind, cron) in CronSchedules)
            {
                var name = ReportPeriod.KindNameOf(kind);
                var job = JobKeyOf(kind);
                quartz.AddJob<ScheduledReportJob>(j => j.WithIdentity(job).StoreDurably().UsingJobData(ScheduledReportJob.KindKey, name));
                quartz.AddTrigger(t => t.ForJob(job).WithIdentity(name + "-report", JobGroup).WithCronSchedule(cron, c => c.InTimeZone(timeZone)));
            }

            quartz.AddJob<IntervalStatisticsJob>(j => j.WithIdentity(IntervalStatisticsJob.Key).StoreDurably());
            quartz.AddTrigger(t => t.ForJob(IntervalStatisticsJob.Key).WithIdentity("interval-statistics", JobGroup)
                .WithCronSchedule(IntervalStatisticsJob.Cron, c => c.InTimeZone(timeZone)));
        });
        if (startWithHost)
        {
            services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        }

        return services;
    }

    public static JobKey JobKeyOf(ReportKind kind) => new(ReportPeriod.KindNameOf(kind) + "-report", JobGroup);
}
