namespace Telephony.Ivr.Interpreter;

/// <summary>What the call amounted to in the menu, for the call record's outcome and for reports.</summary>
public enum IvrDisposition
{
    /// <summary>Handed to an agent queue.</summary>
    Queued,

    /// <summary>Transferred to an external number.</summary>
    Transferred,

    /// <summary>Left a callback request.</summary>
    CallbackRequested,

    /// <summary>Left a voice message.</summary>
    VoicemailLeft,

    /// <summary>Reached the closed or holiday branch of an hours check and left without a request.</summary>
    AfterHours,

    /// <summary>Hung up in the menu without reaching a queue or leaving a request.</summary>
    AbandonedInMenu,

    /// <summary>The menu ended the call with nothing else to report (information only, or the caller never chose).</summary>
    EndedByMenu,

    /// <summary>The tree faulted or the server stopped the menu.</summary>
    Failed,
}
