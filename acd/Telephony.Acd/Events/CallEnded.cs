namespace Telephony.Acd.Events;

/// <summary>A connected call ended; the agent starts wrap-up.</summary>
public sealed record CallEnded(string CallId, string QueueId, string AgentId, TimeSpan Talked, DateTimeOffset At) : AcdEvent(At);
