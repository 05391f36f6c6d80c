namespace Telephony.Reports.Tests.Fixtures;

/// <summary>One call_records row of a fixture, with only the columns reports read.</summary>
public sealed record FixtureCall(
    DateTimeOffset StartedAt,
    string Outcome,
    string? Queue = null,
    string? Language = null,
    string? Topic = null,
    string? Agent = null,
    int? WaitMs = null,
    int? TalkMs = null,
    int? WrapUpMs = null,
    bool Answered = false,
    string? IvrExitNode = null,
    short? Survey = null,
    bool CallbackRequested = false,
    bool CallbackMade = false,
    bool IsCallback = false,
    TimeSpan? Duration = null)
{
    public Guid Id { get; } = Guid.NewGuid();

    public DateTimeOffset EndedAt => StartedAt + (Duration ?? TimeSpan.FromMilliseconds(30_000 + (WaitMs ?? 0) + (TalkMs ?? 0)));
}
