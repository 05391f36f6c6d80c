using System.Text;
using Microsoft.Extensions.Logging;
using Telephony.Calls.Control;
using Telephony.Calls.Events;
using Telephony.Calls.Media;
using Telephony.Calls.MediaPlane;
using Telephony.Media.Sdp;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Stack;

namespace Telephony.Calls.Sip;

/// <summary>
/// One SIP call leg driven through <see cref="ICall"/>: its dialog, its RTP endpoint and media session. State changes
/// happen under one lock; events go out in order through a task chain so subscribers never run under the lock.
/// </summary>
internal sealed partial class SipCall : ICall, ISipDialogHandler
{
    private readonly Lock _gate = new();
    private readonly CallMediaEngine _engine;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _ended = new();
    private readonly SipServerRequest? _invite;
    private readonly string? _contact;
    private readonly TaskCompletionSource _mediaReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _eventTail = Task.CompletedTask;
    private RtpEndpoint? _endpoint;
    private SdpLocalMedia _local;
    private SessionDescription? _pendingOffer;
    private SessionDescription? _localDescription;
    private SipDialog? _dialog;
    private CallMedia? _media;
    private CallMediaStatistics _finalStatistics = CallMediaStatistics.Empty;
    private CallEndReason? _endingReason;
    private SipCall? _bridgedWith;
    private MediaRelay? _relay;
    private bool _onHold;

    private SipCall(CallMediaEngine engine, TimeProvider time, ILogger logger, string protocolCallId, CallDirection direction, string from, string to, RtpEndpoint endpoint, SdpLocalMedia local)
    {
        _engine = engine;
        _time = time;
        _logger = logger;
        _endpoint = endpoint;
        _local = local;
        Id = Guid.NewGuid();
        ProtocolCallId = protocolCallId;
        Direction = direction;
        From = from;
        To = to;
        StartedAt = time.GetUtcNow();
        State = direction == CallDirection.Inbound ? CallState.Offered : CallState.Dialing;
    }

    /// <summary>An inbound call: <paramref name="answer"/> is our SDP answer (with <paramref name="audio"/>), or our offer when the INVITE had none.</summary>
    internal SipCall(
        CallMediaEngine engine, TimeProvider time, ILogger logger, SipServerRequest invite, string contact, RtpEndpoint endpoint, SdpLocalMedia local,
        SessionDescription localDescription, NegotiatedAudio? audio)
        : this(engine, time, logger, invite.Request.CallId, CallDirection.Inbound, UserOf(invite.Request.From), invite.Request.RequestUri.User ?? string.Empty, endpoint, local)
    {
        _invite = invite;
        _contact = contact;
        _localDescription = localDescription;
        NegotiatedOnInvite = audio;
        if (audio is null)
        {
            _pendingOffer = localDescription;
        }
    }

    /// <summary>An outbound call about to be sent: <paramref name="offer"/> goes in the INVITE.</summary>
    internal SipCall(CallMediaEngine engine, TimeProvider time, ILogger logger, string target, string from, RtpEndpoint endpoint, SdpLocalMedia local, SessionDescription offer)
        : this(engine, time, logger, string.Empty, CallDirection.Outbound, from, target, endpoint, local)
    {
        _pendingOffer = offer;
        _localDescription = offer;
    }

    public Guid Id { get; }

    public string ProtocolCallId { get; private set; }

    public CallDirection Direction { get; }

    public string From { get; }

    public string To { get; }

    public CallState State { get; private set; }

    public DateTimeOffset StartedAt { get; }

    public event Action<CallEvent>? EventRaised;

    public CancellationToken Ended => _ended.Token;

    public CallMediaStatistics MediaStatistics
    {
        get
        {
            lock (_gate)
            {
                return _media?.Statistics ?? _finalStatistics;
            }
        }
    }

    internal CallMedia? Media => Volatile.Read(ref _media);

    private NegotiatedAudio? NegotiatedOnInvite { get; }

    /// <summary>A scope naming the call in every log line (structured as CallId and SipCallId).</summary>
    public IDisposable? BeginLogScope() => SipCallLog.CallScope(_logger, Id, ProtocolCallId);

    public async Task AnswerAsync(CancellationToken cancellationToken)
    {
        if (_invite is null)
        {
            throw new InvalidOperationException("Only an inbound call is answered.");
        }

        lock (_gate)
        {
            if (State != CallState.Offered || _invite.IsCancelled)
            {
                // A CANCEL already got its 487; the continuation that ends the call may not have run yet.
                throw new InvalidOperationException($"The call is {(_invite.IsCancelled ? "cancelled" : State)}, not offered.");
            }

            _dialog = _invite.AcceptDialog(this, _contact!);
            if (NegotiatedOnInvite is not null)
            {
                StartMedia(NegotiatedOnInvite);
            }

            State = CallState.Answered;
            var ok = _invite.CreateResponse(200, "OK").AddHeader(Telephony.Sip.Messages.SipHeaderKind.Contact, _contact!);
            ok.SetBody(Encoding.UTF8.GetBytes(_localDescription!.ToString()), "application/sdp");
            _invite.Respond(ok);
            Raise(new CallAnswered(Id, _time.GetUtcNow()));
        }

        // With an offer in our 200 the media starts once the ACK brings the answer; the caller may play right after.
        await _mediaReady.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task RejectAsync(CallRejection rejection, CancellationToken cancellationToken)
    {
        if (_invite is null)
        {
            throw new InvalidOperationException("Only an inbound call is rejected.");
        }

        var (code, reason) = rejection switch
        {
            CallRejection.Busy => (486, "Busy Here"),
            CallRejection.TemporarilyUnavailable => (480, "Temporarily Unavailable"),
            CallRejection.NotFound => (404, "Not Found"),
            CallRejection.ServiceUnavailable => (503, "Service Unavailable"),
            CallRejection.Forbidden => (403, "Forbidden"),
            _ => throw new ArgumentOutOfRangeException(nameof(rejection)),
        };
        lock (_gate)
        {
            if (State != CallState.Offered)
            {
                return Task.CompletedTask;
            }

            _invite.Respond(code, reason);
        }

        End(CallEndReason.Rejected);
        return Task.CompletedTask;
    }

    public async Task HangupAsync(CancellationToken cancellationToken)
    {
        SipDialog? dialog;
        lock (_gate)
        {
            if (State == CallState.Ended)
            {
                return;
            }

            if (State == CallState.Offered)
            {
                _invite!.Respond(480, "Temporarily Unavailable");
                dialog = null;
            }
            else
            {
                _endingReason ??= CallEndReason.LocalHangup;
                dialog = _dialog;
            }
        }

        if (dialog is not null)
        {
            try
            {
                await dialog.SendByeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // The dialog ended meanwhile (the peer's BYE crossed ours).
            }
        }

        End(CallEndReason.LocalHangup);
    }

    /// <summary>The INVITE was cancelled before we answered (the stack has sent 487).</summary>
    internal void OnCancelled()
    {
        lock (_gate)
        {
            if (State != CallState.Offered)
            {
                return;
            }
        }

        End(CallEndReason.RemoteHangup);
    }

    /// <summary>Ends the call once: media torn down, a bridge partner released, CallEnded raised, <see cref="Ended"/> cancelled.</summary>
    internal void End(CallEndReason reason)
    {
        SipCall? partner;
        lock (_gate)
        {
            if (State == CallState.Ended)
            {
                return;
            }

            reason = _endingReason ?? reason;
            State = CallState.Ended;
            partner = _bridgedWith;
            _bridgedWith = null;
            _relay?.Dispose();
            _relay = null;
            if (_media is not null)
            {
                _finalStatistics = _media.Statistics;
                _media.Dispose();
                _media = null;
            }

            _endpoint?.Dispose();
            _endpoint = null;
            _mediaReady.TrySetException(new OperationCanceledException("The call ended."));
            _mediaReady.Task.Exception?.Handle(static _ => true);
            Raise(new CallEnded(Id, _time.GetUtcNow(), reason));
        }

        partner?.OnPartnerGone(this);
        using (BeginLogScope())
        {
            SipCallLog.Ended(_logger, reason);
        }

        _eventTail.ContinueWith(static (_, state) => ((CancellationTokenSource)state!).Cancel(), _ended, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void Raise(CallEvent callEvent)
    {
        // Called under _gate, so the chain order is the order of the state changes.
        _eventTail = _eventTail.ContinueWith(
            static (_, state) =>
            {
                var (call, e) = ((SipCall, CallEvent))state!;
                try
                {
                    call.EventRaised?.Invoke(e);
                }
                catch (Exception exception)
                {
                    SipCallLog.EventHandlerFailed(call._logger, exception);
                }
            },
            (this, callEvent),
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    private static string UserOf(Telephony.Sip.Messages.SipNameAddress address) => address.Uri.User ?? address.Uri.Host;
}
