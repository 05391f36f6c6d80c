using Telephony.Calls.Control;

namespace Telephony.Host.Acd;

/// <summary>A caller the dispatcher holds: waiting, being offered, or connected. Touched only on the dispatcher's loop.</summary>
internal sealed class QueuedCall(ICall caller, string queueId, IReadOnlyList<string> skills, int priority, DateTimeOffset enqueuedAt)
{
    public ICall Caller { get; } = caller;

    public string CallId { get; } = caller.Id.ToString();

    public string QueueId { get; set; } = queueId;

    public IReadOnlyList<string> Skills { get; } = skills;

    public int Priority { get; } = priority;

    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

    /// <summary>Language code and topic the caller chose in the menu, for the agent's call card.</summary>
    public string? Language { get; init; }

    public string? Topic { get; init; }

    public TaskCompletionSource<AcdWaitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The agent being rung for this caller and the switch that withdraws that ring.</summary>
    public string? RingingAgent { get; set; }

    public CancellationTokenSource? RingCancellation { get; set; }

    /// <summary>Set once an agent answered: the engine now counts the call as connected until its hang-up.</summary>
    public string? ConnectedAgent { get; set; }

    public ICall? AgentLeg { get; set; }

    public CancellationTokenRegistration EndedRegistration { get; set; }

    /// <summary>Set once the caller asked to be called back and left: its place is kept and dialled when it comes up.</summary>
    public QueueCallbackRequest? Callback { get; set; }

    /// <summary>Dials of the callback made so far.</summary>
    public int CallbackAttempts { get; set; }

    /// <summary>When a callback whose citizen did not answer goes back to its place; null while it is queued or dialled.</summary>
    public DateTimeOffset? CallbackRetryAt { get; set; }

    public void StopRinging()
    {
        RingCancellation?.Cancel();
        RingCancellation?.Dispose();
        RingCancellation = null;
        RingingAgent = null;
    }
}
