namespace Telephony.Sip.Dialogs;

/// <summary>Early: the UAS has taken the INVITE but sent no 2xx yet. Confirmed: 2xx sent or received. Terminated: gone.</summary>
public enum SipDialogState
{
    Early,
    Confirmed,
    Terminated,
}
