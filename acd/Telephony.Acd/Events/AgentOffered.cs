namespace Telephony.Acd.Events;

/// <summary>The agent's reservation was confirmed and their phone is ringing with this caller.</summary>
public sealed record AgentOffered(string AgentId, string CallId, string QueueId, DateTimeOffset RingDeadline, DateTimeOffset At) : AcdEvent(At);
