using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Telephony.Host.Calls;

namespace Telephony.Host.Acd;

/// <summary>
/// I/O the dispatcher starts off its loop (reservations, ringing, bridging). Each task is kept until it ends so its
/// failure is logged and shutdown can wait for the ones still running.
/// </summary>
internal sealed class OffLoopWork(ILogger logger)
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>Starts the work; the returned task ends with it and never faults (a failure is logged).</summary>
    public Task Start(Func<Task> work)
    {
        var task = RunAsync(work);
        _running.TryAdd(task, true);
        _ = task.ContinueWith(done => _running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's own shutdown timeout ran out; what is left ends with the process.
        }
    }

    private async Task RunAsync(Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Withdrawn on purpose (a ring stopped, the host stopping).
        }
#pragma warning disable CA1031 // Logged here because nobody awaits these tasks one by one.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.OffLoopWorkFailed(logger, exception);
        }
    }
}
