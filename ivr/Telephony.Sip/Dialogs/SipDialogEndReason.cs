namespace Telephony.Sip.Dialogs;

/// <summary>Why a dialog ended.</summary>
public enum SipDialogEndReason
{
    /// <summary>The peer sent BYE.</summary>
    RemoteBye,

    /// <summary>We sent BYE.</summary>
    LocalBye,

    /// <summary>Our 2xx to INVITE was never acknowledged; the stack sent BYE (RFC 3261 13.3.1.4).</summary>
    AckTimeout,

    /// <summary>The INVITE that would have created the dialog got a non-2xx final response.</summary>
    Rejected,

    /// <summary>The caller cancelled the INVITE.</summary>
    Cancelled,
}
