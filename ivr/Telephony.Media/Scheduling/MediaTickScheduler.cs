using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Telephony.Media.Scheduling;

/// <summary>
/// The one pacing loop for every outgoing media stream: a dedicated thread sleeps until about a
/// millisecond before the next deadline of a fixed grid (<see cref="MediaTickOptions.Period"/>),
/// spins the rest, and then calls each stream whose ptime is due. Deadlines are absolute
/// (<see cref="TickTiming"/>), so late wake-ups never drift the stream clocks. Streams are added
/// and removed from any thread in constant time without a lock on the tick: an added stream waits in a queue the tick
/// drains, a removed one is marked and dropped from the tick's own list as the tick passes it. Each new stream starts on
/// the grid phase its ptime allows that carries the fewest streams, so calls set up together (or a 20 ms stream added
/// beside many others) spread over the grid instead of all sending in the same tick.
/// Tests drive <see cref="RunDueTicks"/> with a fake <see cref="TimeProvider"/> instead of starting the thread.
/// </summary>
public sealed class MediaTickScheduler : IDisposable
{
    private readonly MediaTickOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly MediaMetrics _metrics;
    private readonly ILogger _logger;
    private readonly long _startTimestamp;
    /// <summary>
    /// Grid slots over which phases are balanced: a multiple of every usual ptime's grid ticks (10–60 ms ptimes on grids
    /// of 1, 2, 5 or 10 ms).
    /// </summary>
    private const int PhaseSlots = 120;

    private readonly ConcurrentQueue<MediaTickRegistration> _added = new();

    /// <summary>The streams the tick runs, in the order they were added; touched only by the tick.</summary>
    private readonly List<MediaTickRegistration> _streams = [];

    /// <summary>How many streams send in each grid slot (grid tick modulo <see cref="PhaseSlots"/>); touched only by the tick.</summary>
    private readonly int[] _slotLoad = new int[PhaseSlots];
    private int _streamCount;
    private TickTiming? _timing;
    private TimeSpan _lead;
    private IMediaTickFlush? _flush;
    private Thread? _thread;
    private volatile bool _stopping;
    private long _ticksRun;
    private long _lateTicks;
    private long _skippedTicks;

    /// <summary>Creates the scheduler; call <see cref="Start"/> to run its thread.</summary>
    public MediaTickScheduler(MediaTickOptions options, TimeProvider timeProvider, MediaMetrics metrics, ILogger<MediaTickScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _options = options;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
        _startTimestamp = timeProvider.GetTimestamp();
    }

    /// <summary>Grid ticks run so far.</summary>
    public long TicksRun => Interlocked.Read(ref _ticksRun);

    /// <summary>Grid ticks that started later than <see cref="MediaTickOptions.LateThreshold"/>.</summary>
    public long LateTicks => Interlocked.Read(ref _lateTicks);

    /// <summary>Grid ticks dropped because the loop fell more than <see cref="MediaTickOptions.MaxCatchUp"/> (plus the lead) behind.</summary>
    public long SkippedTicks => Interlocked.Read(ref _skippedTicks);

    /// <summary>Streams currently paced.</summary>
    public int StreamCount => Volatile.Read(ref _streamCount);

    /// <summary>
    /// Adds a stream sending every <paramref name="ptime"/> (a multiple of the period) at
    /// <paramref name="clockRate"/> Hz. Its first tick is within one ptime: the next grid tick of the least loaded phase.
    /// </summary>
    public MediaTickRegistration Add(IMediaTickStream stream, TimeSpan ptime, int clockRate = 8000)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        if (ptime < _options.Period || ptime.Ticks % _options.Period.Ticks != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ptime), ptime, $"The ptime must be a multiple of the {_options.Period.TotalMilliseconds} ms tick period.");
        }

        var samplesPerTick = (int)(ptime.Ticks * clockRate / TimeSpan.TicksPerSecond);
        var registration = new MediaTickRegistration(this, stream, ptime.Ticks / _options.Period.Ticks, samplesPerTick);
        Interlocked.Increment(ref _streamCount);
        _added.Enqueue(registration);
        return registration;
    }

    /// <summary>How far ahead of their deadlines streams run (<see cref="TryRunAhead"/>); zero when they send at once.</summary>
    public TimeSpan Lead => _lead;

    /// <summary>
    /// Runs every stream <paramref name="lead"/> ahead of its deadline, for a sender that holds each packet until it is
    /// due (<see cref="MediaTick.DueTimestamp"/>) outside this process: a pause of the whole process shorter than the
    /// lead (the garbage collector's) then delays no packet. <paramref name="flush"/> runs after every pass and is
    /// disposed with the scheduler. False, changing nothing, once the tick has started or has a sender already.
    /// </summary>
    public bool TryRunAhead(TimeSpan lead, IMediaTickFlush flush)
    {
        ArgumentNullException.ThrowIfNull(flush);
        ArgumentOutOfRangeException.ThrowIfLessThan(lead, TimeSpan.Zero);
        if (_thread is not null || _timing is not null || _flush is not null)
        {
            return false;
        }

        _lead = lead;
        _flush = flush;
        return true;
    }

    /// <summary>Starts the dedicated media thread.</summary>
    public void Start()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("The media tick is already running.");
        }

        _thread = new Thread(Run)
        {
            Name = "media-tick",
            IsBackground = true,
            Priority = ThreadPriority.Highest,
        };
        _thread.Start();
        MediaLog.TickStarted(_logger, _options.Period.TotalMilliseconds);
    }

    /// <summary>
    /// Runs every grid tick that is due now, in order, on the calling thread, flushes what the streams handed to the
    /// sender they run ahead for (<see cref="TryRunAhead"/>), and returns the time until the next deadline. The media
    /// thread calls this in its loop; call it yourself only when the thread is not started (tests). Not thread-safe.
    /// </summary>
    public TimeSpan RunDueTicks()
    {
        // Running ahead, a stall eats the lead before any packet leaves late: only lateness past the lead counts to the catch-up limit.
        _timing ??= new TickTiming(Now() + _lead, _options.Period, _options.MaxCatchUp + _lead);
        while (true)
        {
            var decision = _timing.Decide(Now() + _lead);
            if (!decision.IsDue)
            {
                _flush?.Flush();
                return decision.Wait;
            }

            if (decision.SkippedTicks > 0)
            {
                Interlocked.Add(ref _skippedTicks, decision.SkippedTicks);
                _metrics.TicksSkipped(decision.SkippedTicks);
                MediaLog.TicksSkipped(_logger, (decision.Lateness + (_options.Period * decision.SkippedTicks)).TotalMilliseconds, decision.SkippedTicks);
            }

            var late = decision.Lateness > _options.LateThreshold;
            if (late)
            {
                Interlocked.Increment(ref _lateTicks);
            }

            _metrics.TickRan(decision.Lateness, late);
            RunGridTick(decision.Tick, decision.Lateness);
            Interlocked.Increment(ref _ticksRun);
        }
    }

    /// <summary>Stops the thread (waiting for the current tick to finish).</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        if (_thread is not null)
        {
            _thread.Join();
            MediaLog.TickStopped(_logger, TicksRun, LateTicks, SkippedTicks);
        }

        _flush?.Dispose();
    }

    /// <summary>Counts a disposed stream out; the tick drops it from its list when it next passes it.</summary>
    internal void StreamRemoved() => Interlocked.Decrement(ref _streamCount);

    private TimeSpan Now() => _timeProvider.GetElapsedTime(_startTimestamp);

    private void RunGridTick(long gridTick, TimeSpan lateness)
    {
        while (_added.TryDequeue(out var added))
        {
            if (!added.IsRemoved)
            {
                Place(added, gridTick);
                _streams.Add(added);
            }
        }

        // Runs the due streams and compacts the list in the same pass, keeping the order streams were added in.
        var kept = 0;
        for (var i = 0; i < _streams.Count; i++)
        {
            var registration = _streams[i];
            if (!registration.IsRemoved && gridTick >= registration.NextGridTick)
            {
                RunStream(registration, gridTick, lateness);
            }

            if (registration.IsRemoved)
            {
                ChangeSlotLoad(registration, -1);
                continue;
            }

            _streams[kept++] = registration;
        }

        _streams.RemoveRange(kept, _streams.Count - kept);
    }

    /// <summary>Starts a new stream on the least loaded phase its ptime allows, within one ptime of now.</summary>
    private void Place(MediaTickRegistration registration, long gridTick)
    {
        var period = registration.GridTicksPerTick;
        var best = gridTick;
        var bestLoad = int.MaxValue;
        for (var start = gridTick; start < gridTick + Math.Min(period, PhaseSlots); start++)
        {
            var load = 0;
            for (var slot = start; slot < start + PhaseSlots; slot += period)
            {
                load = Math.Max(load, _slotLoad[slot % PhaseSlots]);
            }

            if (load < bestLoad)
            {
                (best, bestLoad) = (start, load);
            }
        }

        registration.FirstGridTick = best;
        registration.NextGridTick = best;
        ChangeSlotLoad(registration, +1);
    }

    private void ChangeSlotLoad(MediaTickRegistration registration, int change)
    {
        if (registration.FirstGridTick < 0)
        {
            return;
        }

        for (var slot = registration.FirstGridTick; slot < registration.FirstGridTick + PhaseSlots; slot += registration.GridTicksPerTick)
        {
            _slotLoad[slot % PhaseSlots] += change;
        }
    }

    private void RunStream(MediaTickRegistration registration, long gridTick, TimeSpan lateness)
    {
        var number = (gridTick - registration.FirstGridTick) / registration.GridTicksPerTick;
        var skipped = registration.LastNumber < 0 ? 0 : number - registration.LastNumber - 1;
        var streamDeadline = _timing!.DeadlineOf(registration.FirstGridTick + (number * registration.GridTicksPerTick));
        var tick = new MediaTick(number, streamDeadline, lateness + (_timing.DeadlineOf(gridTick) - streamDeadline), registration.SamplesPerTick, skipped)
        {
            Lead = _lead,
            DueTimestamp = _startTimestamp + (long)((Int128)streamDeadline.Ticks * _timeProvider.TimestampFrequency / TimeSpan.TicksPerSecond),
        };
        registration.LastNumber = number;
        registration.NextGridTick = registration.FirstGridTick + ((number + 1) * registration.GridTicksPerTick);
        try
        {
            registration.Stream.OnTick(tick);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // One broken stream must not stop the audio of every other call.
            registration.Dispose();

            _metrics.StreamFaulted();
            MediaLog.StreamFaulted(_logger, registration.Stream.GetType().Name, exception);
        }
    }

    private void Run()
    {
        if (_options.RealtimePriority > 0)
        {
            var errno = RealtimeScheduling.TryEnter(_options.RealtimePriority);
            if (errno == 0)
            {
                MediaLog.TickRealtime(_logger, _options.RealtimePriority);
            }
            else
            {
                MediaLog.TickRealtimeRefused(_logger, _options.RealtimePriority, errno);
            }
        }

        var spinThreshold = _options.SpinThreshold;
        while (!_stopping)
        {
            var wait = RunDueTicks();
            if (wait > spinThreshold)
            {
                PreciseSleep.For(wait - spinThreshold);
            }
            else if (wait > TimeSpan.Zero)
            {
                // Spin the last fraction of a millisecond, keeping the core: Thread.Yield here handed it to whatever
                // else was runnable, and on a busy machine the deadline passed before it came back (and the
                // yield-spin cost 14 % of a core with no call up).
                Thread.SpinWait(20);
            }
        }
    }
}
