namespace Telephony.Acd.Events;

/// <summary>The agent did not answer in time (or the ring failed); the caller went back to its place.</summary>
public sealed record OfferTimedOut(string AgentId, string CallId, int ConsecutiveNoAnswers, DateTimeOffset At) : AcdEvent(At);
