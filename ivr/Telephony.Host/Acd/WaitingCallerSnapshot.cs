namespace Telephony.Host.Acd;

/// <summary>A caller in a queue for the supervisor: place in its queue (1 = next), number, language, topic, since when, and the agent being offered it.</summary>
public sealed record WaitingCallerSnapshot(
    string CallId,
    string Queue,
    int Position,
    string Caller,
    string? Language,
    string? Topic,
    DateTimeOffset EnqueuedAt,
    string? OfferedTo);
