namespace Telephony.Host.Calls;

/// <summary>One acd_queue_events row: joined, offered, answered, abandoned, overflowed, survey…</summary>
public sealed record QueueEventRecord(DateTimeOffset At, Guid CallId, string QueueId, string Event, string? AgentId, string HostId);
