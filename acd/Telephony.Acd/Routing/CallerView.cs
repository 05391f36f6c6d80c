namespace Telephony.Acd.Routing;

/// <summary>A snapshot of one queued caller; <see cref="OfferedTo"/> is set while an agent is reserved or ringing for it.</summary>
public sealed record CallerView(
    string CallId,
    string QueueId,
    int Priority,
    DateTimeOffset EnqueuedAt,
    int RelaxationLevel,
    string? OfferedTo);
