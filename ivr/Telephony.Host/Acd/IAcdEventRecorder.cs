using Telephony.Acd.Events;

namespace Telephony.Host.Acd;

/// <summary>
/// Where the dispatcher hands every engine event as it happens: the store's spooled writers keep the queue events
/// (acd_queue_events) and the agent status log; tests collect them. Called on the dispatcher's loop: must not block.
/// </summary>
public interface IAcdEventRecorder
{
    /// <param name="acdEvent">The engine's event.</param>
    /// <param name="queueOfCall">The queue the event's caller waits in, when the dispatcher knows it (a ring-out does not name it).</param>
    /// <param name="changedBy">Who set an agent's status, for the status log; null when the system did.</param>
    void Record(AcdEvent acdEvent, string? queueOfCall, string? changedBy);
}
