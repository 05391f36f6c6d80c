using Telephony.Acd.Events;
using Telephony.Acd.Store.Records;
using Telephony.Acd.Store.Status;
using Telephony.Host.Configuration;

namespace Telephony.Host.Acd;

/// <summary>
/// Writes the dispatcher's events through the ACD store's spooled writers, as they happen: callers' queue events
/// (joined, offered, ring-no-answer, answered, abandoned, overflowed) keyed by the call record's id (the engine's call
/// id is that uuid), and agents' status and state changes. Neither waits for the database.
/// </summary>
public sealed class StoreAcdEventRecorder(QueueEventWriter queueEvents, AgentStatusWriter statusLog, TelephonyOptions options) : IAcdEventRecorder
{
    public void Record(AcdEvent acdEvent, string? queueOfCall, string? changedBy)
    {
        ArgumentNullException.ThrowIfNull(acdEvent);
        statusLog.Record(acdEvent, changedBy);
        if (QueueEventMapper.CallIdOf(acdEvent) is { } callId && Guid.TryParse(callId, out var callRecordId)
            && QueueEventMapper.From(acdEvent, callRecordId, options.HostId, queueOfCall) is { } row)
        {
            queueEvents.Write(row);
        }
    }
}
