namespace Telephony.Calls.Control;

/// <summary>Where a call is in its life. Moves only forward: Offered/Dialing → Ringing → Answered ⇄ Bridged → Ended.</summary>
public enum CallState
{
    /// <summary>An inbound call not yet answered or rejected.</summary>
    Offered,

    /// <summary>An outbound call sent, no answer from the far end yet.</summary>
    Dialing,

    /// <summary>An outbound call ringing at the far end.</summary>
    Ringing,

    Answered,

    Bridged,

    Ended,
}
