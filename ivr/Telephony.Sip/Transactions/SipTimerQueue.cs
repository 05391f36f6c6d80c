namespace Telephony.Sip.Transactions;

/// <summary>
/// Every timer of the stack (transaction timers A–K, 2xx retransmission, housekeeping) in one priority queue, driven
/// by ONE periodic timer from the injected <see cref="TimeProvider"/>: no timer object per transaction. Expiries run
/// on the tick; callbacks hand work to the Call-ID's worker.
/// </summary>
internal sealed class SipTimerQueue : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _tick;
    private readonly PriorityQueue<SipTimer, long> _queue = new();
    private readonly List<SipTimer> _due = [];
    private readonly Lock _gate = new();
    private readonly long _origin;
    private readonly SipWorkerPool _workers;
    private ITimer? _timer;
    private int _ticking;

    public SipTimerQueue(TimeProvider time, TimeSpan tick, SipWorkerPool workers)
    {
        _workers = workers;
        _time = time;
        _tick = tick;
        _origin = time.GetTimestamp();
    }

    /// <summary>Milliseconds since the queue was made, on the injected clock.</summary>
    public long NowMs => (long)_time.GetElapsedTime(_origin).TotalMilliseconds;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public void Start() => _timer ??= _time.CreateTimer(static state => ((SipTimerQueue)state!).Tick(), this, _tick, _tick);

    /// <summary>Runs <paramref name="callback"/> on worker <paramref name="partition"/> once <paramref name="delay"/> has passed, unless cancelled first.</summary>
    public SipTimer Schedule(int partition, TimeSpan delay, Action<object?> callback, object? state)
    {
        var timer = new SipTimer(NowMs + (long)delay.TotalMilliseconds, partition, callback, state);
        lock (_gate)
        {
            _queue.Enqueue(timer, timer.Due);
        }

        return timer;
    }

    public void Dispose() => _timer?.Dispose();

    private static void Expire(SipTimer timer)
    {
        // Checked again on the worker: the transaction may have cancelled the timer after the tick picked it up.
        if (!timer.IsCancelled)
        {
            timer.Callback(timer.State);
        }
    }

    /// <summary>Runs every expiry that is due. Re-entrant ticks (a slow callback) are skipped, not stacked.</summary>
    internal void Tick()
    {
        if (Interlocked.Exchange(ref _ticking, 1) != 0)
        {
            return;
        }

        try
        {
            var now = NowMs;
            lock (_gate)
            {
                while (_queue.TryPeek(out var next, out var due) && due <= now)
                {
                    _queue.Dequeue();
                    if (!next.IsCancelled)
                    {
                        _due.Add(next);
                    }
                }
            }

            foreach (var timer in _due)
            {
                _workers.Post(timer.Partition, static state => Expire((SipTimer)state!), timer);
            }
        }
        finally
        {
            _due.Clear();
            Volatile.Write(ref _ticking, 0);
        }
    }
}
