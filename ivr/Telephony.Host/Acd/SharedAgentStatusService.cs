using Telephony.Acd.Store.Status;
using Telephony.Host.Database;

namespace Telephony.Host.Acd;

/// <summary>
/// Keeps this host's dispatcher on the agents' statuses chosen through any host: starts the writer of this host's own
/// choices (replaying what an earlier run spooled), and once the dispatcher has its agents, follows the shared table
/// (every row at once, then each announced change, then every row again each <see cref="ReconcileEvery"/>), listening
/// again after a pause whenever the connection breaks. Stops after the dispatcher, flushing its last choices.
/// </summary>
internal sealed class SharedAgentStatusService(
    AgentCurrentStatusWriter writer,
    AgentCurrentStatusStore store,
    AcdDispatcher dispatcher,
    DatabaseStatus database,
    TimeProvider time,
    ILogger<SharedAgentStatusService> logger) : BackgroundService
{
    public static readonly TimeSpan ReconcileEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(10);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        writer.Start();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await writer.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.WhenReady.WaitAsync(stoppingToken).ConfigureAwait(false);
        await dispatcher.ConfigurationLoaded.WaitAsync(stoppingToken).ConfigureAwait(false);
        var retry = FirstRetry;
        while (true)
        {
            var listening = time.GetUtcNow();
            try
            {
                await store.ListenAsync(dispatcher.ApplySharedStatusesAsync, ReconcileEvery, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A connection that held for a while was fine: start the pauses over.
                retry = time.GetUtcNow() - listening > LongestRetry ? FirstRetry : retry;
                AcdHostLog.SharedStatusListenFailed(logger, exception.Message, retry.TotalSeconds);
            }

            await Task.Delay(retry, time, stoppingToken).ConfigureAwait(false);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }
}
