using Quartz;
using Telephony.Host.Database;

namespace Telephony.Host.Reports;

/// <summary>
/// Starts the clustered report scheduler once the database answers and its tables exist (the host itself starts
/// without a database), and stops it with the host, letting a running report finish.
/// </summary>
internal sealed class ReportsSchedulerStarter(ISchedulerFactory factory, DatabaseStatus database, TimeProvider time, ILogger<ReportsSchedulerStarter> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);
    private IScheduler? _scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.WhenReady.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _scheduler = await factory.GetScheduler(stoppingToken);
                await _scheduler.Start(stoppingToken);
                ReportsHostLog.SchedulerStarted(logger, _scheduler.SchedulerInstanceId);
                return;
            }
            catch (SchedulerException ex)
            {
                ReportsHostLog.SchedulerNotStarted(logger, ex.Message, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_scheduler is not null)
        {
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}
