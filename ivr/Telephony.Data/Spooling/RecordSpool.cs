using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Telephony.Data.Diagnostics;

namespace Telephony.Data.Spooling;

/// <summary>
/// Write-behind for records (call records, queue events, status changes): callers hand rows to <see cref="Add"/>
/// without waiting; one loop writes them to the <see cref="IRecordSink{TRecord}"/> in batches. While the database is
/// away the rows go to fsync'd JSON-lines files under the spool's directory, and every later row goes behind them, so
/// rows reach the database in the order they were added. The files replay oldest first when the database answers
/// (also after a restart over the same directory); a file is deleted only once all its rows are written, and sinks are
/// idempotent, so a crash mid-replay neither loses nor duplicates a row.
/// Rows still in memory are lost if the process dies without <see cref="StopAsync"/>; a clean stop writes or spools them.
/// </summary>
public sealed partial class RecordSpool<TRecord> : IAsyncDisposable
{
    private readonly IRecordSink<TRecord> _sink;
    private readonly JsonTypeInfo<TRecord> _json;
    private readonly RecordSpoolOptions _options;
    private readonly TimeProvider _time;
    private readonly DataMetrics _metrics;
    private readonly ILogger _logger;
    private readonly SpoolFiles _files;
    private readonly ConcurrentQueue<TRecord> _pending = new();
    private readonly ConcurrentQueue<TaskCompletionSource> _flushWaiters = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<(long OnDisk, long InMemory)> _depth;
    private Task? _loop;
    private long _pendingCount;
    private int _wakeRequested;
    private DateTimeOffset _retryAt;
    private bool _unavailable;

    public RecordSpool(
        IRecordSink<TRecord> sink, JsonTypeInfo<TRecord> json, RecordSpoolOptions options, TimeProvider timeProvider, DataMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _sink = sink;
        _json = json;
        _options = options;
        _time = timeProvider;
        _metrics = metrics;
        _logger = logger;
        _files = new SpoolFiles(options.Directory, options.SegmentRows);
        if (!_files.IsEmpty)
        {
            DataLog.SpoolFoundOnDisk(logger, options.Name, _files.Rows);
        }

        _depth = () => (_files.Rows, Interlocked.Read(ref _pendingCount));
        metrics.Track(options.Name, _depth);
    }

    /// <summary>Rows kept in the spool's files, waiting for the database.</summary>
    public long SpooledRows => _files.Rows;

    /// <summary>Rows handed over and not yet written or spooled.</summary>
    public long PendingRows => Interlocked.Read(ref _pendingCount);

    /// <summary>Takes a row; returns at once. The row reaches the database (or the spool files) within the flush interval.</summary>
    public void Add(TRecord record)
    {
        _pending.Enqueue(record);
        if (Interlocked.Increment(ref _pendingCount) >= _options.BatchSize)
        {
            Wake();
        }
    }

    /// <summary>Starts the writing loop; replays whatever the files hold first.</summary>
    public void Start()
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException($"Spool {_options.Name} is already started.");
        }

        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>
    /// Returns once every row added before the call is in the database or in the spool files (replaying the files
    /// first if the database answers). Check <see cref="SpooledRows"/> to tell which.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            throw new InvalidOperationException($"Spool {_options.Name} is not started.");
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _flushWaiters.Enqueue(done);
        Wake();
        await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the loop, then writes or spools every row still in memory. Cancelling spools what is left.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _loop;
        _loop = null;
        await CycleAsync(force: true, cancellationToken);
        CompleteWaiters();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _metrics.Untrack(_options.Name, _depth);
        _files.Dispose();
        _wake.Dispose();
        _stopping.Dispose();
    }

    private void Wake()
    {
        if (Interlocked.Exchange(ref _wakeRequested, 1) == 0)
        {
            _wake.Release();
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var woken = await SleepAsync(stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await CycleAsync(force: woken, stopping);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The spool's disk failed (full, removed): the rows of this cycle could not be kept. Keep the loop
                // alive so writing resumes when the disk or the database is back.
                DataLog.SpoolDiskFailed(_logger, ex, _options.Name);
            }
        }
    }

    /// <summary>Sleeps up to the flush interval; true when woken early (a full batch or a flush request).</summary>
    private async Task<bool> SleepAsync(CancellationToken stopping)
    {
        using var interval = new CancellationTokenSource(_options.FlushInterval, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(interval.Token, stopping);
        try
        {
            await _wake.WaitAsync(either.Token);
            Volatile.Write(ref _wakeRequested, 0);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task CycleAsync(bool force, CancellationToken cancellationToken)
    {
        var waiters = new List<TaskCompletionSource>();
        while (_flushWaiters.TryDequeue(out var waiter))
        {
            waiters.Add(waiter);
        }

        try
        {
            if (!_files.IsEmpty && (force || _time.GetUtcNow() >= _retryAt))
            {
                await ReplayAsync(cancellationToken);
            }

            if (_files.IsEmpty)
            {
                await WritePendingAsync(cancellationToken);
            }
            else
            {
                SpoolPending();
            }
        }
        finally
        {
            foreach (var waiter in waiters)
            {
                waiter.TrySetResult();
            }
        }
    }

    private void CompleteWaiters()
    {
        while (_flushWaiters.TryDequeue(out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
