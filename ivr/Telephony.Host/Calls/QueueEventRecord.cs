namespace Telephony.Host.Calls;

/// <summary>One acd_queue_events row the call flow writes at the end of a call (survey, callback requested); the dispatcher writes the others.</summary>
public sealed record QueueEventRecord(DateTimeOffset At, Guid CallId, string QueueId, string Event, string? AgentId, string HostId);
