using Microsoft.Extensions.Logging;

namespace Telephony.Host.Acd;

/// <summary>Queued callbacks: requested, dialled, retried, given up (band 9380–9399).</summary>
internal static partial class CallbackLog
{
    [LoggerMessage(EventId = 9380, Level = LogLevel.Information, Message = "Caller {CallId} in queue {Queue} asked to be called back; the place is kept")]
    public static partial void Requested(ILogger logger, string callId, string queue);

    [LoggerMessage(EventId = 9381, Level = LogLevel.Information, Message = "Callback {CallId}: agent {Extension} answered, dialling the citizen (attempt {Attempt} of {Attempts})")]
    public static partial void Dialling(ILogger logger, string callId, string extension, int attempt, int attempts);

    [LoggerMessage(EventId = 9382, Level = LogLevel.Information, Message = "Callback {CallId} attempt {Attempt}: {Outcome}")]
    public static partial void AttemptEnded(ILogger logger, string callId, int attempt, CallbackAttemptOutcome outcome);

    [LoggerMessage(EventId = 9383, Level = LogLevel.Information, Message = "Callback {CallId} goes back to its place in queue {Queue} at {RetryAt:O}")]
    public static partial void RetryScheduled(ILogger logger, string callId, string queue, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 9384, Level = LogLevel.Warning, Message = "Callback {CallId} given up after {Attempts} attempts")]
    public static partial void GivenUp(ILogger logger, string callId, int attempts);

    [LoggerMessage(EventId = 9385, Level = LogLevel.Error, Message = "Callback {CallId} failed")]
    public static partial void Failed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(EventId = 9386, Level = LogLevel.Warning, Message = "Callback {CallId} could not go back to queue {Queue}: {Rejection}")]
    public static partial void RequeueRefused(ILogger logger, string callId, string queue, Telephony.Acd.Routing.AcdRejection rejection);

    [LoggerMessage(EventId = 9387, Level = LogLevel.Information, Message = "Callback {CallId} taken over from the store for queue {Queue}, place {EnqueuedAt:O}, {AttemptsMade} attempts made")]
    public static partial void Restored(ILogger logger, string callId, string queue, DateTimeOffset enqueuedAt, int attemptsMade);

    [LoggerMessage(EventId = 9388, Level = LogLevel.Warning, Message = "Callbacks could not be claimed or their leases renewed; retried in {Retry}")]
    public static partial void SweepFailed(ILogger logger, TimeSpan retry, Exception exception);

    [LoggerMessage(EventId = 9389, Level = LogLevel.Information, Message = "Callback sweep: {Owned} owned by this host, {Claimed} claimed, {Restored} taken into the queues")]
    public static partial void Swept(ILogger logger, int owned, int claimed, int restored);

    [LoggerMessage(EventId = 9390, Level = LogLevel.Warning, Message = "Callback {CallId} is now another host's (this host's lease ran out); the agent's leg is let go and the citizen is not dialled from here")]
    public static partial void LostToAnotherHost(ILogger logger, string callId);

    [LoggerMessage(EventId = 9391, Level = LogLevel.Warning, Message = "Callback {CallId}: whether this host still owns it could not be checked; dialling")]
    public static partial void OwnershipUnknown(ILogger logger, string callId, Exception exception);
}
