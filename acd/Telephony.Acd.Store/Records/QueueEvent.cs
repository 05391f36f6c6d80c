namespace Telephony.Acd.Store.Records;

/// <summary>
/// One row of acd_queue_events. <see cref="EventId"/> is made by the writer's caller (e.g. <c>Guid.CreateVersion7(at)</c>)
/// so a replayed write is recognised; <see cref="CallId"/> is call_records.id (that row may arrive later).
/// <see cref="DetailJson"/> is a JSON object or null.
/// </summary>
public sealed record QueueEvent(
    Guid EventId, DateTimeOffset At, Guid CallId, string QueueId, QueueEventKind Event, string? AgentId, string HostId, string? DetailJson);
