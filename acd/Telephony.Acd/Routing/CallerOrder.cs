namespace Telephony.Acd.Routing;

/// <summary>Order inside a pool: higher caller priority, then longer wait, then earlier arrival.</summary>
internal sealed class CallerOrder : IComparer<WaitingCaller>
{
    public static CallerOrder Instance { get; } = new();

    public int Compare(WaitingCaller? x, WaitingCaller? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byPriority = y.Priority.CompareTo(x.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byTime = x.EnqueuedAt.UtcTicks.CompareTo(y.EnqueuedAt.UtcTicks);
        return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
    }

    /// <summary>Across pools: queue priority comes before caller priority and wait.</summary>
    public static bool Precedes(WaitingCaller candidate, WaitingCaller current)
    {
        var byQueue = candidate.Queue.Priority.CompareTo(current.Queue.Priority);
        return byQueue != 0 ? byQueue > 0 : Instance.Compare(candidate, current) < 0;
    }
}
