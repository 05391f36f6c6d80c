using System.Collections.Concurrent;

namespace Telephony.Host.Recording;

/// <summary>
/// Finishing a recording (closing the file, hashing, the row) happens after the media thread reported the end, off it.
/// This keeps those tasks so that a stopping host waits for them before the writer loop and the database go away.
/// Registered before the call flow: hosted services stop in reverse order, so the calls hang up first.
/// </summary>
internal sealed class RecordingWorkTracker : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    public int PendingCount => _pending.Count;

    public void Track(Task work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _pending[work] = 0;
        work.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _), _pending,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits until every recording started so far is finished (tests and shutdown).</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => Task.WhenAll(_pending.Keys).WaitAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Out of shutdown time: the rows left 'recording' are repaired by the next start's recovery.
        }
    }
}
