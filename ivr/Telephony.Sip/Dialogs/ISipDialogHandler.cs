using Telephony.Sip.Messages;
using Telephony.Sip.Stack;

namespace Telephony.Sip.Dialogs;

/// <summary>
/// The TU's callbacks for one dialog (the call session, built on this). Called on the dialog's worker: return quickly
/// and answer requests later from any thread with <see cref="SipServerRequest.Respond(int, string)"/>.
/// </summary>
public interface ISipDialogHandler
{
    /// <summary>
    /// An in-dialog request other than BYE and ACK: re-INVITE or UPDATE (hold/resume is the TU's decision), INFO,
    /// REFER (answer 202 and report progress with <see cref="SipDialog.SendReferNotifyAsync"/>), NOTIFY, MESSAGE, OPTIONS.
    /// </summary>
    void OnRequest(SipDialog dialog, SipServerRequest request);

    /// <summary>The ACK for our 2xx (initial INVITE or re-INVITE); it carries the SDP answer when the offer was in the 2xx.</summary>
    void OnAck(SipDialog dialog, SipRequest ack);

    /// <summary>The dialog ended (BYE either way, unacknowledged 2xx, rejection or cancel).</summary>
    void OnTerminated(SipDialog dialog, SipDialogEndReason reason);
}
