namespace Telephony.Acd.Store.Records;

/// <summary>
/// A call as GET /api/calls lists it (design section 5): <see cref="Agent"/> is the agent's extension,
/// <see cref="Outcome"/> the stored word ("answered", "callback-requested"…), waits and talk in seconds;
/// <see cref="IvrTreeId"/> and <see cref="IvrTreeVersion"/> name the published menu the call followed.
/// </summary>
public sealed record CallSummary(
    Guid Id,
    string SipCallId,
    string Caller,
    DateTimeOffset StartedAt,
    string? Language,
    IReadOnlyList<string> IvrPath,
    string? Queue,
    string? Agent,
    double? WaitSeconds,
    double? TalkSeconds,
    string Outcome,
    Guid? RecordingId,
    string? IvrTreeId = null,
    int? IvrTreeVersion = null);
