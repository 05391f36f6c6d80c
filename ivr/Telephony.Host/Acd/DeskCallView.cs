using Telephony.Acd.Store.Records;

namespace Telephony.Host.Acd;

/// <summary>
/// The call card on the agent desktop: the caller's number, the language, topic and menu path chosen in the IVR, the
/// queue, how long the caller waited, and the caller's earlier calls (newest first).
/// </summary>
public sealed record DeskCallView(
    string CallId,
    string Caller,
    string Queue,
    string? Language,
    string? Topic,
    IReadOnlyList<string> IvrPath,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset OfferedAt,
    DateTimeOffset? AnsweredAt,
    IReadOnlyList<CallerHistoryEntry> History);
