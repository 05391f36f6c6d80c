using System.Collections.Concurrent;
using Telephony.Acd.Events;
using Telephony.Acd.Store.Records;
using Telephony.Acd.Store.Status;
using Telephony.Host.Acd;

namespace Telephony.Host.Tests.Calls;

/// <summary>
/// What the dispatcher hands to the store's writers, turned into the very rows they would write
/// (acd_queue_events through <see cref="QueueEventMapper"/>, acd_agent_status_log through <see cref="AgentStatusLog"/>).
/// </summary>
public sealed class RecordedAcdEvents : IAcdEventRecorder
{
    private readonly ConcurrentQueue<QueueEvent> _queueEvents = new();
    private readonly ConcurrentQueue<AgentStatusEntry> _statusLog = new();

    public IReadOnlyList<QueueEvent> QueueEvents => [.. _queueEvents];

    public IReadOnlyList<AgentStatusEntry> StatusLog => [.. _statusLog];

    public void Record(AcdEvent acdEvent, string? queueOfCall, string? changedBy)
    {
        if (AgentStatusLog.EntryFor(acdEvent, changedBy) is { } entry)
        {
            _statusLog.Enqueue(entry);
        }

        if (QueueEventMapper.CallIdOf(acdEvent) is { } callId && QueueEventMapper.From(acdEvent, Guid.Parse(callId), "test", queueOfCall) is { } row)
        {
            _queueEvents.Enqueue(row);
        }
    }

    public IReadOnlyList<QueueEventKind> KindsFor(Guid callId) => [.. QueueEvents.Where(e => e.CallId == callId).Select(e => e.Event)];
}
