namespace Telephony.Acd.Events;

/// <summary>The system put the agent on break after too many offers in a row went unanswered.</summary>
public sealed record AgentPaused(string AgentId, string Reason, int ConsecutiveNoAnswers, DateTimeOffset At) : AcdEvent(At);
