using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;

namespace Telephony.Sip.Tests.Transactions;

/// <summary>A TU that records what reaches it and answers as the test says (no answer when <see cref="Answer"/> is null).</summary>
internal sealed class RecordingHandler : ISipRequestHandler, ISipDialogHandler
{
    public List<SipServerRequest> Requests { get; } = [];

    public List<SipServerRequest> DialogRequests { get; } = [];

    public List<SipRequest> Acks { get; } = [];

    public List<SipDialogEndReason> Ended { get; } = [];

    public Action<SipServerRequest>? Answer { get; set; }

    public Action<SipDialog, SipServerRequest>? AnswerInDialog { get; set; }

    public void OnRequest(SipServerRequest request)
    {
        Requests.Add(request);
        Answer?.Invoke(request);
    }

    public void OnRequest(SipDialog dialog, SipServerRequest request)
    {
        DialogRequests.Add(request);
        AnswerInDialog?.Invoke(dialog, request);
    }

    public void OnAck(SipDialog dialog, SipRequest ack) => Acks.Add(ack);

    public void OnTerminated(SipDialog dialog, SipDialogEndReason reason) => Ended.Add(reason);

    /// <summary>Takes the INVITE as a dialog and answers 200 with a Contact.</summary>
    public static void AcceptCall(SipServerRequest request, RecordingHandler handler)
    {
        request.AcceptDialog(handler, "<sip:100@10.0.0.1:5060>");
        request.Respond(request.CreateResponse(200, "OK").AddHeader(SipHeaderKind.Contact, "<sip:100@10.0.0.1:5060>"));
    }
}
