namespace Telephony.Media.Scheduling;

/// <summary>A stream's place in the media tick; dispose it to stop the stream's ticks.</summary>
public sealed class MediaTickRegistration : IDisposable
{
    private readonly MediaTickScheduler _scheduler;
    private int _removed;

    internal MediaTickRegistration(MediaTickScheduler scheduler, IMediaTickStream stream, long gridTicksPerTick, int samplesPerTick)
    {
        _scheduler = scheduler;
        Stream = stream;
        GridTicksPerTick = gridTicksPerTick;
        SamplesPerTick = samplesPerTick;
    }

    /// <summary>The stream being paced.</summary>
    public IMediaTickStream Stream { get; }

    /// <summary>True once removed (disposed or faulted).</summary>
    public bool IsRemoved => Volatile.Read(ref _removed) != 0;

    internal long GridTicksPerTick { get; }

    internal int SamplesPerTick { get; }

    // The fields below are touched only by the media thread.
    internal long FirstGridTick { get; set; } = -1;

    internal long NextGridTick { get; set; }

    internal long LastNumber { get; set; } = -1;

    /// <summary>Stops the stream's ticks (the tick does this itself to a stream that threw). A tick already running on the media thread finishes.</summary>
    public void Dispose()
    {
        // The call's thread and the media thread (after a throw) may both dispose: the stream is counted out once.
        if (Interlocked.Exchange(ref _removed, 1) == 0)
        {
            _scheduler.StreamRemoved();
        }
    }
}
