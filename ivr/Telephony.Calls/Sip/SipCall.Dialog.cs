using System.Text;
using Telephony.Calls.Control;
using Telephony.Calls.Events;
using Telephony.Media.Sdp;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;

namespace Telephony.Calls.Sip;

/// <summary>The dialog's callbacks: in-dialog requests (re-INVITE/UPDATE, INFO digits, REFER), the ACK, the end.</summary>
internal sealed partial class SipCall
{
    void ISipDialogHandler.OnRequest(SipDialog dialog, SipServerRequest request)
    {
        using var scope = BeginLogScope();
        switch (request.Request.Method)
        {
            case SipMethod.Invite or SipMethod.Update:
                OnSessionUpdate(request);
                break;
            case SipMethod.Info:
                OnInfo(request);
                break;
            case SipMethod.Refer when request.Request.ReferTo is { } referTo:
                request.Respond(202, "Accepted");
                lock (_gate)
                {
                    Raise(new CallTransferRequested(Id, _time.GetUtcNow(), referTo.Uri.ToString()));
                }

                break;
            case SipMethod.Options:
                request.Respond(200, "OK");
                break;
            default:
                request.Respond(501, "Not Implemented");
                break;
        }
    }

    void ISipDialogHandler.OnAck(SipDialog dialog, SipRequest ack)
    {
        lock (_gate)
        {
            if (_pendingOffer is null || State == CallState.Ended)
            {
                return;
            }

            var offer = _pendingOffer;
            _pendingOffer = null;
            var result = ParseAnswer(offer, ack.Body);
            if (result is { IsAccepted: true, Audio: { } audio })
            {
                if (_media is null)
                {
                    StartMedia(audio);
                }
                else
                {
                    _media.TryUpdate(audio);
                }

                return;
            }

            SipCallLog.SdpRefused(_logger, result?.Reason ?? "no answer in the ACK");
            _endingReason ??= CallEndReason.Failed;
        }

        _ = HangupObservedAsync();
    }

    void ISipDialogHandler.OnTerminated(SipDialog dialog, SipDialogEndReason reason) =>
        End(reason switch
        {
            SipDialogEndReason.RemoteBye or SipDialogEndReason.Cancelled => CallEndReason.RemoteHangup,
            SipDialogEndReason.LocalBye => CallEndReason.LocalHangup,
            SipDialogEndReason.Rejected => CallEndReason.Rejected,
            _ => CallEndReason.Failed,
        });

    /// <summary>A provisional response to our INVITE: 180/183 means the far end rings.</summary>
    internal void OnProvisional(SipResponse response)
    {
        lock (_gate)
        {
            if (ProtocolCallId.Length == 0)
            {
                ProtocolCallId = response.CallId;
            }

            if (response.StatusCode is 180 or 183 && State == CallState.Dialing)
            {
                State = CallState.Ringing;
                Raise(new CallRinging(Id, _time.GetUtcNow()));
            }
        }
    }

    /// <summary>Our INVITE was answered: takes the SDP answer and starts the media. False when the answer is unusable.</summary>
    internal bool OnOutboundAnswered(SipDialog dialog, SipResponse response)
    {
        lock (_gate)
        {
            ProtocolCallId = response.CallId;
            _dialog = dialog;
            var offer = _pendingOffer!;
            _pendingOffer = null;
            var result = ParseAnswer(offer, response.Body);
            if (State == CallState.Ended || result is not { IsAccepted: true, Audio: { } audio })
            {
                SipCallLog.SdpRefused(_logger, result?.Reason ?? "no usable answer in the 200");
                _endingReason ??= CallEndReason.Failed;
                return false;
            }

            StartMedia(audio);
            State = CallState.Answered;
            Raise(new CallAnswered(Id, _time.GetUtcNow()));
            return true;
        }
    }

    private void OnSessionUpdate(SipServerRequest request)
    {
        lock (_gate)
        {
            if (_media is null || State == CallState.Ended)
            {
                request.Respond(491, "Request Pending");
                return;
            }

            if (request.Request.Body.IsEmpty)
            {
                // An offerless re-INVITE: our current session goes out as the offer, the ACK brings the answer.
                _pendingOffer = _localDescription;
                RespondWithSdp(request, _localDescription!);
                return;
            }

            if (!SessionDescription.TryParse(Encoding.UTF8.GetString(request.Request.Body.Span), out var offer, out var error))
            {
                RespondNotAcceptable(request, error);
                return;
            }

            _local = _local with { SessionVersion = _local.SessionVersion + 1 };
            var result = SdpNegotiator.Answer(offer, _local);
            if (result is not { IsAccepted: true, Audio: { } audio, Answer: { } answer } || !_media.TryUpdate(audio))
            {
                RespondNotAcceptable(request, result.Reason ?? "the codec cannot change during the call");
                return;
            }

            _localDescription = answer;
            RespondWithSdp(request, answer);
            var onHold = !audio.Direction.Sends();
            if (onHold != _onHold)
            {
                _onHold = onHold;
                Raise(new CallHeld(Id, _time.GetUtcNow(), onHold));
            }
        }
    }

    private void OnInfo(SipServerRequest request)
    {
        var contentType = request.Request.ContentType;
        if (contentType is null || !SipDtmfInfo.TryParse(contentType, request.Request.Body.Span, out var digit))
        {
            request.Respond(contentType is null ? 200 : 415, contentType is null ? "OK" : "Unsupported Media Type");
            return;
        }

        request.Respond(200, "OK");
        Volatile.Read(ref _media)?.InjectDigit(digit);
    }

    private SdpNegotiationResult? ParseAnswer(SessionDescription offer, ReadOnlyMemory<byte> body) =>
        !body.IsEmpty && SessionDescription.TryParse(Encoding.UTF8.GetString(body.Span), out var answer, out _)
            ? SdpNegotiator.AcceptAnswer(offer, answer, _local)
            : null;

    private void RespondWithSdp(SipServerRequest request, SessionDescription description)
    {
        var ok = request.CreateResponse(200, "OK").AddHeader(SipHeaderKind.Contact, _dialog!.LocalContact);
        ok.SetBody(Encoding.UTF8.GetBytes(description.ToString()), "application/sdp");
        request.Respond(ok);
    }

    private void RespondNotAcceptable(SipServerRequest request, string reason)
    {
        SipCallLog.SdpRefused(_logger, reason);
        request.Respond(SipSdpResponses.NotAcceptable(request, reason));
    }
}
