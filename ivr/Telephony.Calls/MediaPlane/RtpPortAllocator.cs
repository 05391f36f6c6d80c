namespace Telephony.Calls.MediaPlane;

/// <summary>
/// Hands out even RTP ports (RTCP on port + 1) from a fixed range. A released pair rests for a
/// cool-down before it is handed out again, so stray packets of an ended call cannot land in a new
/// one; allocation is bounded by the range (false when every pair is in use or cooling). Thread-safe.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly Queue<int> _free = new();
    private readonly Queue<(int Port, long ReleasedAt)> _cooling = new();
    private readonly HashSet<int> _inUse = [];
    private readonly TimeSpan _coolDown;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();

    /// <summary>Creates the allocator over [<paramref name="minPort"/>, <paramref name="maxPort"/>]; pairs start at even ports.</summary>
    public RtpPortAllocator(int minPort, int maxPort, TimeSpan coolDown, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPort, minPort + 1);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var first = minPort % 2 == 0 ? minPort : minPort + 1;
        for (var port = first; port + 1 <= maxPort; port += 2)
        {
            _free.Enqueue(port);
        }

        Capacity = _free.Count;
        _coolDown = coolDown;
        _timeProvider = timeProvider;
    }

    /// <summary>Port pairs in the range.</summary>
    public int Capacity { get; }

    /// <summary>Pairs handed out and not yet released.</summary>
    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return _inUse.Count;
            }
        }
    }

    /// <summary>Takes the free pair that has rested longest; false when none is available.</summary>
    public bool TryAllocate(out int rtpPort)
    {
        lock (_lock)
        {
            var now = _timeProvider.GetTimestamp();
            while (_cooling.Count > 0 && _timeProvider.GetElapsedTime(_cooling.Peek().ReleasedAt, now) >= _coolDown)
            {
                _free.Enqueue(_cooling.Dequeue().Port);
            }

            if (!_free.TryDequeue(out rtpPort))
            {
                return false;
            }

            _inUse.Add(rtpPort);
            return true;
        }
    }

    /// <summary>Returns a pair; it becomes available again after the cool-down. Releasing a pair not in use throws.</summary>
    public void Release(int rtpPort)
    {
        lock (_lock)
        {
            if (!_inUse.Remove(rtpPort))
            {
                throw new InvalidOperationException($"RTP port {rtpPort} is not allocated.");
            }

            _cooling.Enqueue((rtpPort, _timeProvider.GetTimestamp()));
        }
    }
}
