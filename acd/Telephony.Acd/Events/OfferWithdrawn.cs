namespace Telephony.Acd.Events;

/// <summary>The offer ended because the agent changed status (break, log out); the caller went back to its place.</summary>
public sealed record OfferWithdrawn(string AgentId, string CallId, DateTimeOffset At) : AcdEvent(At);
