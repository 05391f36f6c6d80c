namespace Telephony.Reports.Generator;

/// <summary>One generated call_records row (the columns reports read, and those the table requires).</summary>
public sealed record SyntheticCall(
    Guid Id,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string? Language,
    string? Topic,
    string? IvrExitNode,
    string? Queue,
    string? Agent,
    int? WaitMs,
    int? TalkMs,
    int? WrapUpMs,
    string Outcome,
    bool ShortAbandon,
    short? Survey,
    bool CallbackRequested,
    bool CallbackMade);
