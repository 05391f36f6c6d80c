namespace Telephony.Host.Acd;

/// <summary>How one dial of a queued callback went.</summary>
public enum CallbackAttemptOutcome
{
    /// <summary>The citizen answered and talked with the agent: the callback is done.</summary>
    Answered,

    /// <summary>The citizen did not answer (or was busy): tried again later while attempts remain.</summary>
    NoAnswer,

    /// <summary>The number may not be dialled (or the dial failed for good): not tried again.</summary>
    Refused,
}
