namespace Telephony.Acd.Routing;

internal sealed class WaitingCaller(string callId, CallerPool pool, int priority, DateTimeOffset enqueuedAt, long sequence)
{
    private List<AgentSlot>? _missedBy;

    public string CallId { get; } = callId;

    public CallerPool Pool { get; } = pool;

    public QueueRuntime Queue => Pool.Queue;

    public int Priority { get; } = priority;

    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

    /// <summary>Arrival order; breaks ties between callers enqueued at the same instant.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>
    /// The caller hung up after asking to be called back: it keeps its place but has no live leg, so its wait has no
    /// maximum (there is nobody to overflow) and the host dials it when an agent is reserved for it.
    /// </summary>
    public bool IsCallback { get; set; }

    /// <summary>0 = strict requirements; n = the queue's n-th relaxation step applies.</summary>
    public int Level { get; set; }

    public CallerState State { get; set; }

    public AgentSlot? OfferedTo { get; set; }

    /// <summary>Set once the caller left the engine; timers still pointing at it are then stale.</summary>
    public bool Removed { get; set; }

    /// <summary>Agents whose offer of this caller failed; they are tried last for it.</summary>
    public bool HasMissed(AgentSlot agent) => _missedBy is not null && _missedBy.Contains(agent);

    public void RecordMiss(AgentSlot agent)
    {
        _missedBy ??= [];
        if (!_missedBy.Contains(agent))
        {
            _missedBy.Add(agent);
        }
    }
}
