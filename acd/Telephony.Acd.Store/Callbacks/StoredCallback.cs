namespace Telephony.Acd.Store.Callbacks;

/// <summary>
/// One row of acd_callbacks: the caller's request (number, language, topic), its original place in the queue
/// (<see cref="EnqueuedAt"/>, <see cref="Priority"/>, <see cref="Skills"/>), the attempts, and who owns it until when.
/// <see cref="OriginalCallId"/> is the ACD's call id of the callback in every host.
/// </summary>
public sealed record StoredCallback(
    Guid Id,
    Guid OriginalCallId,
    string QueueId,
    string Number,
    string? Language,
    string? Topic,
    IReadOnlyList<string> Skills,
    DateTimeOffset EnqueuedAt,
    int Priority,
    int AttemptsAllowed,
    TimeSpan RetryInterval)
{
    public int AttemptsMade { get; init; }

    /// <summary>Not queued again before this; the request time for a new callback.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    public CallbackState State { get; init; } = CallbackState.Pending;

    public string? OwnerHostId { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>True when every allowed attempt has been made (a host that died mid-dial still used one).</summary>
    public bool AttemptsExhausted => AttemptsMade >= AttemptsAllowed;
}
