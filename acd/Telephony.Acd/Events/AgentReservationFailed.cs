namespace Telephony.Acd.Events;

/// <summary>The shared reservation store refused the agent (another process holds them); the caller is offered elsewhere.</summary>
public sealed record AgentReservationFailed(string AgentId, string CallId, DateTimeOffset At) : AcdEvent(At);
