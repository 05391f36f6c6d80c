namespace Telephony.Acd.Store.Records;

/// <summary>One earlier call of a caller, for the agent's call card: when, about what, who took it, how it ended.</summary>
public sealed record CallerHistoryEntry(
    Guid Id,
    DateTimeOffset StartedAt,
    string? Topic,
    string? Queue,
    string? Agent,
    string Outcome,
    string? Disposition,
    double? TalkSeconds);
