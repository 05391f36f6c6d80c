using Telephony.Acd.Store.Callbacks;

namespace Telephony.Host.Acd;

/// <summary>
/// Keeps this host's share of the queued callbacks: the dispatcher's requests and outcomes go to the spooled callback
/// writer; every sweep (a third of the lease) renews this host's leases and claims the callbacks nobody holds — at
/// start also this host's own from before a restart, later those of a host whose lease ran out — and hands them to the
/// dispatcher at their original place. At a clean stop the pending ones are let go, so another host takes them at once.
/// Registered before the dispatcher, so it stops after it and writes the dispatcher's last changes.
/// </summary>
internal sealed class CallbackLeaseService(
    AcdDispatcher dispatcher, PostgresCallbackStore store, CallbackWriter writer, TimeProvider time, ILogger<CallbackLeaseService> logger) : BackgroundService
{
    private const int ClaimBatch = 100;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        dispatcher.OnCallbackChanged(writer.Write);
        dispatcher.OnCallbackDialling(StillOwnedAsync);
        writer.Start();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await writer.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await store.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The lease runs out on its own; another host then takes them.
            CallbackLog.SweepFailed(logger, store.LeaseDuration, exception);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await dispatcher.ConfigurationLoaded.WaitAsync(stoppingToken).ConfigureAwait(false);
        var sweep = store.LeaseDuration / 3;
        var atStart = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(atStart, stoppingToken).ConfigureAwait(false);
                atStart = false;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                CallbackLog.SweepFailed(logger, sweep, exception);
            }

            await Task.Delay(sweep, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task SweepAsync(bool atStart, CancellationToken cancellationToken)
    {
        if (atStart)
        {
            // Requests an earlier run spooled while the database was away reach the table before this host takes its own.
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        var owned = await store.RenewAsync(cancellationToken).ConfigureAwait(false);
        var claimed = 0;
        var restored = 0;
        while (true)
        {
            var batch = await store.ClaimAsync(atStart, ClaimBatch, cancellationToken).ConfigureAwait(false);
            claimed += batch.Count;
            restored += await dispatcher.RestoreCallbacksAsync(batch, cancellationToken).ConfigureAwait(false);
            if (batch.Count < ClaimBatch)
            {
                break;
            }
        }

        if (claimed > 0)
        {
            CallbackLog.Swept(logger, owned.Count, claimed, restored);
        }
    }

    /// <summary>
    /// Before a dial: the callback's row (written first, so a fresh request is there) must still be this host's. A row
    /// not there at all (its request still spooled) or another host's is told apart, so only a lost one is let go.
    /// </summary>
    private async Task<bool> StillOwnedAsync(Guid originalCallId, int attempt, CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (await store.MarkDiallingAsync(originalCallId, attempt, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        var row = await store.FindAsync(originalCallId, cancellationToken).ConfigureAwait(false);
        return row is null || string.Equals(row.OwnerHostId, store.HostId, StringComparison.Ordinal);
    }
}
