namespace Telephony.Host.Acd;

/// <summary>An agent row on the supervisor page: status, state and since when, and the caller and queue of the call in hand.</summary>
public sealed record SupervisorAgentView(
    string Extension,
    string Status,
    string? BreakReason,
    string State,
    DateTimeOffset StateSince,
    string? Caller,
    string? Queue);
