namespace Telephony.Acd.Store.Records;

/// <summary>What happened to a caller in a queue, as stored in acd_queue_events.event (kebab-case words).</summary>
public enum QueueEventKind
{
    Joined,
    Offered,
    RingNoAnswer,
    Answered,
    Abandoned,
    Overflowed,
    CallbackRequested,
    CallbackMade,
    Transferred,
    Survey,
}
