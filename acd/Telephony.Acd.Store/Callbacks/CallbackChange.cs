namespace Telephony.Acd.Store.Callbacks;

/// <summary>
/// What a host writes about a callback, in order, through <see cref="CallbackWriter"/>: a new request
/// (<see cref="Request"/> set) or a change of state and attempts. Replaying either is harmless.
/// </summary>
public sealed record CallbackChange(Guid OriginalCallId, CallbackState State, int AttemptsMade, DateTimeOffset NextAttemptAt)
{
    /// <summary>The whole request when the callback was just asked for; null for a change.</summary>
    public StoredCallback? Request { get; init; }

    public static CallbackChange Requested(StoredCallback request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.OriginalCallId, CallbackState.Pending, 0, request.NextAttemptAt) { Request = request };
    }
}
