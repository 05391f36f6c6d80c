namespace Telephony.Acd.Routing;

/// <summary>Why the engine ignored an input. Inputs racing with timers (an answer after the ring timeout) land here.</summary>
public enum AcdRejection
{
    None,
    UnknownAgent,
    UnknownCall,
    UnknownQueue,
    DuplicateAgent,
    DuplicateCall,

    /// <summary>The agent's status or state does not allow the requested transition.</summary>
    IllegalTransition,

    /// <summary>The call is not (or no longer) offered to that agent in the required state.</summary>
    NotOffered,
}
