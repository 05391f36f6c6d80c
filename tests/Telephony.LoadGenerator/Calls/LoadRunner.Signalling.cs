using System.Diagnostics;
using System.Net;
using Telephony.LoadGenerator.Sip;
using Telephony.Sip.Messages;

namespace Telephony.LoadGenerator.Calls;

/// <summary>The SIP side of the driver: responses to our INVITEs and BYEs, the server's own BYEs, hanging up, finishing.</summary>
internal sealed partial class LoadRunner
{
    private void DrainInbox(long now)
    {
        while (_inbox.TryDequeue(out var message))
        {
            switch (message)
            {
                case SipResponse response when _calls.TryGetValue(response.CallId, out var call):
                    OnResponse(call, response, now);
                    break;
                case SipRequest request:
                    OnServerRequest(request, now);
                    break;
                default:
                    break; // A late response to a call already finished.
            }
        }
    }

    private void OnResponse(LoadCall call, SipResponse response, long now)
    {
        if (response.CSeq.Method == SipMethod.Bye)
        {
            if (call.State == LoadCallState.Ending && !response.IsProvisional)
            {
                Finish(call, call.Failure, now);
            }

            return;
        }

        if (response.CSeq.Method != SipMethod.Invite)
        {
            return;
        }

        if (response.IsProvisional)
        {
            call.Provisional = true;
            return;
        }

        if (!response.IsSuccess)
        {
            // Every final error is acknowledged, retransmissions too, within the INVITE transaction.
            call.Channel.Send(SipText.AckFailure(call.RequestUri, call.Channel.LocalPort, call.InviteBranch, call.From, response.GetHeaderValue("To") ?? call.To, call.CallId));
            if (call.State == LoadCallState.Inviting)
            {
                call.RejectStatus = response.StatusCode;
                Finish(call, CallFailure.Rejected, now);
            }

            return;
        }

        if (call.State != LoadCallState.Inviting)
        {
            if (call.AckText.Length > 0)
            {
                call.Channel.Send(call.AckText); // The 200 was retransmitted: our ACK was lost.
            }

            return;
        }

        call.To = response.GetHeaderValue("To") ?? call.To;
        call.RemoteTarget = (response.Contact.Count > 0 ? response.Contact[0].Address?.Uri.ToString() : null) ?? call.RequestUri;
        call.AckText = SipText.AckSuccess(call.RemoteTarget, call.Channel.LocalPort, Branch(call.Index, 'a'), call.From, call.To, call.CallId);
        call.Channel.Send(call.AckText);
        call.AnsweredAt = now;
        call.HangUpAt = now + _holdTicks;
        call.NextRtpAt = now;
        call.State = LoadCallState.Answered;
        _peakAnswered = Math.Max(_peakAnswered, ++_answeredNow);
        if (!SdpAnswer.TryParse(response.Body.Span, out var answer) || !answer.HasPcmu || !IPAddress.TryParse(answer.Address, out var address))
        {
            call.Failure = CallFailure.BadSdp;
            SendBye(call, now);
            return;
        }

        call.RtpRemote = new IPEndPoint(address, answer.Port).Serialize();
    }

    private void OnServerRequest(SipRequest request, long now)
    {
        if (request.Method == SipMethod.Ack)
        {
            return;
        }

        // Answered on the first channel: every channel sends to the same server address.
        _channels[0].Send(SipText.Ok(request));
        if (request.Method == SipMethod.Bye && _calls.TryGetValue(request.CallId, out var call) && call.State is LoadCallState.Answered or LoadCallState.Ending)
        {
            if (call.State == LoadCallState.Answered)
            {
                CloseMedia(call);
            }

            Finish(call, call.Failure == CallFailure.None && call.State == LoadCallState.Answered ? CallFailure.EndedByServer : call.Failure, now);
        }
    }

    private void SendBye(LoadCall call, long now)
    {
        CloseMedia(call);
        if (call.Failure == CallFailure.None && call.Media.Packets == 0)
        {
            call.Failure = CallFailure.NoMedia;
        }

        call.ByeText = SipText.Bye(call.RemoteTarget, call.Channel.LocalPort, Branch(call.Index, 'b'), call.From, call.To, call.CallId);
        call.Channel.Send(call.ByeText);
        call.State = LoadCallState.Ending;
        call.ByeSentAt = now;
        call.RetransmitInterval = T1Ticks;
        call.NextRetransmitAt = now + T1Ticks;
    }

    private void CloseMedia(LoadCall call)
    {
        call.Media = call.Stats.Close();
        call.MediaClosedAt = Stopwatch.GetTimestamp();
        _answeredNow--;
    }

    private void Finish(LoadCall call, CallFailure failure, long now)
    {
        if (call.State == LoadCallState.Done)
        {
            return;
        }

        call.Failure = failure;
        call.State = LoadCallState.Done;
        call.FinishedAt = now;
        if (call.Slot is { } slot)
        {
            _pool.Return(slot, now);
        }

        _calls.Remove(call.CallId);
        _finished.Add(call);
    }
}
