using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;

namespace Telephony.Sip.Stack;

/// <summary>The UAS side: in-dialog requests, responses from the TU, and 2xx retransmission until the ACK.</summary>
internal sealed partial class SipUserAgentCore
{
    /// <summary>Hands a TU response to the request's worker.</summary>
    public void Respond(SipServerRequest request, byte[] response, int statusCode) =>
        _workers.Post(request.Transaction.Partition, static state =>
        {
            var (core, request, response, statusCode) = ((SipUserAgentCore, SipServerRequest, byte[], int))state!;
            core.RespondOnWorker(request, response, statusCode);
        }, (this, request, response, statusCode));

    public void Register(SipDialog dialog) =>
        _workers.Post(dialog.Partition, static state =>
        {
            var (core, dialog) = ((SipUserAgentCore, SipDialog))state!;
            if (dialog.State != SipDialogState.Terminated)
            {
                core._dialogs[dialog.Partition][dialog.Id] = dialog;
                SipLog.DialogChanged(core._logger, "created", dialog.Id.CallId);
            }
        }, (this, dialog));

    internal void EndDialog(SipDialog dialog, SipDialogEndReason reason)
    {
        if (!dialog.End())
        {
            return;
        }

        _dialogs[dialog.Partition].Remove(dialog.Id);
        SipLog.DialogEnded(_logger, reason, dialog.Id.CallId);
        dialog.Handler.OnTerminated(dialog, reason);
    }

    private void RespondOnWorker(SipServerRequest request, byte[] response, int statusCode)
    {
        var transaction = request.Transaction;
        if (!transaction.Respond(response, statusCode) || !transaction.IsInvite || request.Dialog is not { } dialog)
        {
            return;
        }

        if (statusCode is >= 200 and < 300)
        {
            dialog.Confirm();
            var wait = new SipAckWait(response, transaction.Request.CSeq.Number, _timers.NowMs + (long)(64 * _options.T1).TotalMilliseconds)
            {
                Interval = _options.T1,
            };
            dialog.PendingAck = wait;
            wait.Timer = _timers.Schedule(dialog.Partition, wait.Interval, static state => ((SipAckRetransmit)state!).Fire(), new SipAckRetransmit(this, dialog, wait, transaction));
        }
        else if (statusCode >= 300 && dialog.State == SipDialogState.Early)
        {
            EndDialog(dialog, SipDialogEndReason.Rejected);
        }
    }

    private void OnDialogRequest(SipServerTransaction transaction, string toTag)
    {
        var request = transaction.Request;
        var dialog = FindDialog(request.CallId, toTag, request.From.Tag);
        if (dialog is null)
        {
            transaction.Respond(SipResponses.Create(request, transaction.StampedVia, 481, "Call/Transaction Does Not Exist", null).ToArray(), 481);
            return;
        }

        var serverRequest = new SipServerRequest(this, transaction, dialog);
        transaction.UserState = serverRequest;
        if (!dialog.AcceptRemoteRequest(request, transaction.Source.Remote))
        {
            // A CSeq lower than the last one from the peer is out of order (12.2.2).
            transaction.Respond(serverRequest.CreateResponse(500, "Server Internal Error").ToArray(), 500);
            return;
        }

        if (request.Method == SipMethod.Bye)
        {
            transaction.Respond(serverRequest.CreateResponse(200, "OK").ToArray(), 200);
            EndDialog(dialog, SipDialogEndReason.RemoteBye);
            return;
        }

        try
        {
            dialog.Handler.OnRequest(dialog, serverRequest);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            SipLog.HandlerFailed(_logger, request.MethodName, request.CallId, exception);
            transaction.Respond(serverRequest.CreateResponse(500, "Server Internal Error").ToArray(), 500);
        }
    }

    /// <summary>One 2xx retransmission step (13.3.1.4): T1 doubling to T2, BYE after 64*T1 without ACK.</summary>
    private sealed class SipAckRetransmit(SipUserAgentCore core, SipDialog dialog, SipAckWait wait, SipServerTransaction transaction)
    {
        public void Fire()
        {
            if (dialog.PendingAck != wait)
            {
                return;
            }

            if (core._timers.NowMs >= wait.DeadlineMs)
            {
                dialog.PendingAck = null;
                SipLog.AckTimedOut(core._logger, dialog.Id.CallId);
                core.EndDialog(dialog, SipDialogEndReason.AckTimeout);
                core.StartInDialog(dialog, "BYE", default, null, null, SipIgnoringUser.Instance);
                return;
            }

            transaction.Source.Transport.Send(wait.Response, transaction.Destination, transaction.Source.ConnectionId);
            core.Metrics.Retransmitted("INVITE");
            wait.Interval = wait.Interval * 2 < core._options.T2 ? wait.Interval * 2 : core._options.T2;
            // The last wait is cut short so the give-up happens at 64*T1, not at the next retransmission after it.
            var untilDeadline = TimeSpan.FromMilliseconds(wait.DeadlineMs - core._timers.NowMs);
            wait.Timer = core._timers.Schedule(dialog.Partition, wait.Interval < untilDeadline ? wait.Interval : untilDeadline, static state => ((SipAckRetransmit)state!).Fire(), this);
        }
    }
}
