namespace Telephony.Acd.Queues;

public enum OverflowKind
{
    /// <summary>Send the caller to another queue (the host enqueues it there).</summary>
    Queue,

    /// <summary>Let the caller leave a voicemail.</summary>
    Voicemail,

    /// <summary>Offer the caller a callback.</summary>
    Callback,
}
