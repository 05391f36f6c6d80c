namespace Telephony.Ivr.Interpreter;

/// <summary>How a call left the menu.</summary>
public enum IvrExit
{
    /// <summary>The caller hung up while in the menu.</summary>
    CallerHungUp,

    /// <summary>A queue node handed the call to the ACD (see <see cref="IvrOutcome.Queue"/>); the call is still up.</summary>
    HandedToQueue,

    /// <summary>A transfer node bridged the call to an allowlisted number (see <see cref="IvrOutcome.Transfer"/>).</summary>
    Transferred,

    /// <summary>The menu hung up: a hangup node, retries exhausted without a target, a refused or failed transfer without a fallback.</summary>
    HungUpByMenu,

    /// <summary>The tree could not be run at this node (a missing node or schedule, a loop without input); the menu hung up.</summary>
    MenuFault,

    /// <summary>The server stopped the menu (shutdown); the call was left as it was.</summary>
    Stopped,
}
