namespace Telephony.Host.Acd;

/// <summary>How a caller's wait in the ACD ended.</summary>
public enum AcdWaitOutcome
{
    /// <summary>An agent answered and the two legs are bridged.</summary>
    Answered,

    /// <summary>The queue sent the caller to its overflow target (voicemail or callback).</summary>
    Overflowed,

    /// <summary>The caller hung up while waiting.</summary>
    Abandoned,

    /// <summary>The caller asked to be called back: its place is kept in the queue and its leg may end.</summary>
    CallbackRequested,

    /// <summary>The ACD could not take the caller (unknown queue, or the server is stopping).</summary>
    Refused,
}
