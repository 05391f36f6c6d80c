using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Quartz;
using Telephony.Reports.Periods;
using Telephony.Reports.Scheduling;
using Telephony.Reports.Statistics;
using Telephony.Reports.Tests.Fixtures;

namespace Telephony.Reports.Tests.Scheduling;

public sealed class ReportsSchedulingTests
{
    [Fact]
    public async Task Two_clustered_hosts_run_a_trigger_that_fires_once_exactly_once()
    {
        await using var database = await ReportsDatabase.CreateAsync(nameof(ReportsSchedulingTests));
        await FixtureDatabase.InsertCallsAsync(database.DataSource, DayFixture.Calls);
        using var nodeA = await StartHostAsync(database.ConnectionString, "node-a");
        using var nodeB = await StartHostAsync(database.ConnectionString, "node-b");
        var scheduler = await nodeA.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);

        // One firing, two seconds ahead, so both nodes are polling the store when it falls due.
        var trigger = TriggerBuilder.Create()
            .WithIdentity("once", "test")
            .ForJob(ReportsScheduling.JobKeyOf(ReportKind.Daily))
            .UsingJobData(ScheduledReportJob.PeriodKey, "2026-11-23")
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(2))
            .Build();
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await database.ScalarAsync("SELECT count(*) FROM reports") == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        // Leave the other node time to run it a second time, were clustering broken.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM reports"));
        Assert.Equal(1, await database.ScalarAsync("SELECT max(id) FROM reports")); // a second run would have replaced it with id 2
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM reports WHERE generated_by IN ('scheduler@node-a', 'scheduler@node-b')"));
        Assert.Equal(6, await database.ScalarAsync("SELECT sum(offered) FROM report_interval_stats WHERE dimension = 'all'"));
        Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM qrtz_scheduler_state"));

        await nodeB.StopAsync();
        await nodeA.StopAsync();
    }

    [Fact]
    public async Task Hosts_store_the_four_cron_triggers_in_the_reports_time_zone()
    {
        await using var database = await ReportsDatabase.CreateAsync(nameof(ReportsSchedulingTests));
        using var node = await StartHostAsync(database.ConnectionString, "node-a");

        Assert.Equal(4, await database.ScalarAsync(
            "SELECT count(*) FROM qrtz_cron_triggers WHERE time_zone_id = 'Asia/Baku' AND trigger_group = 'reports' AND trigger_name LIKE '%-report'"));
        Assert.Equal(1, await database.ScalarAsync(
            "SELECT count(*) FROM qrtz_cron_triggers WHERE trigger_name = 'daily-report' AND cron_expression = '0 30 0 * * ?'"));
        await node.StopAsync();
    }

    [Fact]
    public async Task IntervalStatisticsJob_fired_counts_calls_that_ended_in_the_last_two_hours()
    {
        await using var database = await ReportsDatabase.CreateAsync(nameof(ReportsSchedulingTests));
        var recent = new FixtureCall(DateTimeOffset.UtcNow.AddMinutes(-30), "answered", "transfers", "az", "transfers", "1001",
            WaitMs: 4_000, TalkMs: 30_000, WrapUpMs: 3_000, Answered: true);
        await FixtureDatabase.InsertCallsAsync(database.DataSource, [recent]);
        using var node = await StartHostAsync(database.ConnectionString, "node-a");
        var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);

        await scheduler.TriggerJob(IntervalStatisticsJob.Key, new JobDataMap(), CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await database.ScalarAsync("SELECT count(*) FROM report_interval_stats") == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(1, await database.ScalarAsync("SELECT coalesce(sum(answered), 0) FROM report_interval_stats WHERE dimension = 'all'"));
        await node.StopAsync();
    }

    [Theory]
    [InlineData(ReportKind.Daily, "2026-11-24T00:30:00+04:00", "2026-11-23")]
    [InlineData(ReportKind.Monthly, "2026-12-01T01:00:00+04:00", "2026-11")]
    [InlineData(ReportKind.Quarterly, "2027-01-01T01:30:00+04:00", "2026-Q4")]
    [InlineData(ReportKind.Yearly, "2027-01-01T02:00:00+04:00", "2026")]
    public void PeriodBefore_scheduled_fire_time_is_the_period_that_just_ended(ReportKind kind, string firedAt, string label) =>
        Assert.Equal(label, ScheduledReportJob.PeriodBefore(kind, DateTimeOffset.Parse(firedAt, System.Globalization.CultureInfo.InvariantCulture), DayFixture.Baku).Label);

    private static async Task<IHost> StartHostAsync(string connectionString, string instanceId)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        var options = new ReportsOptions { ServiceLevelTarget = DayFixture.Target, ShortAbandonThreshold = DayFixture.ShortAbandon };
        builder.Services.AddReports(options);
        builder.Services.AddReportsScheduling(connectionString, instanceId, options.ResolveTimeZone(), idleWait: TimeSpan.FromSeconds(1));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
