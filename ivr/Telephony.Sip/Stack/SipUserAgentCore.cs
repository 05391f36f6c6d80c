using Microsoft.Extensions.Logging;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Stack;

/// <summary>
/// The UAS/UAC core above the transaction layer: takes messages from the transports (rate limit, rejections), hands
/// them to the Call-ID's worker, routes new requests to the <see cref="ISipRequestHandler"/> and in-dialog ones to
/// their <see cref="SipDialog"/>, and sends what the TU asks for.
/// </summary>
internal sealed partial class SipUserAgentCore : ISipTransportSink, ISipTransactionUser
{
    private static readonly string[] s_allowed = ["INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "INFO", "UPDATE", "REFER", "NOTIFY", "MESSAGE", "REGISTER"];

    private readonly SipStackOptions _options;
    private readonly SipTransactionLayer _layer;
    private readonly SipTimerQueue _timers;
    private readonly SipWorkerPool _workers;
    private readonly SipRateLimiter _rateLimiter;
    private readonly ISipRequestHandler _handler;
    private readonly ILogger _logger;
    private readonly Dictionary<SipDialogId, SipDialog>[] _dialogs;

    public SipUserAgentCore(
        SipStackOptions options, SipTransactionLayer layer, SipTimerQueue timers, SipWorkerPool workers, SipMetrics metrics, ISipRequestHandler handler, ILogger logger)
    {
        _options = options;
        _layer = layer;
        _timers = timers;
        _workers = workers;
        Metrics = metrics;
        _handler = handler;
        _logger = logger;
        Parser = new SipMessageParser(options.ParserOptions);
        _rateLimiter = new SipRateLimiter(options.MaxRequestsPerSecondPerSource);
        _dialogs = new Dictionary<SipDialogId, SipDialog>[workers.PartitionCount];
        for (var i = 0; i < _dialogs.Length; i++)
        {
            _dialogs[i] = [];
        }

        layer.Attach(this);
    }

    public SipMessageParser Parser { get; }

    public SipMetrics Metrics { get; }

    public IReadOnlyList<ISipTransport> Transports { get; set; } = [];

    public string AllowHeader { get; } = string.Join(", ", s_allowed);

    public void OnMessage(SipMessage message, SipSource source)
    {
        if (message.IsRequest && !_rateLimiter.TryAcquire(source.Remote, _timers.NowMs))
        {
            Metrics.RateLimited();
            SipLog.RateLimited(_logger, source.Remote);
            return;
        }

        var inbound = new SipInbound(this, message, source);
        _workers.Post(message.CallId, static state => ((SipInbound)state!).Run(), inbound);
    }

    public void OnRejected(SipRejection rejection, SipMessage? message, SipSource source)
    {
        Metrics.Rejected(rejection.Reason);
        SipLog.MessageRejected(_logger, source.Remote, rejection);
        if (message is not SipRequest request || request.Method == SipMethod.Ack || !CanAnswer(request))
        {
            // Responses and unreadable requests are dropped (RFC 3261 18.1.2, 18.2.1).
            return;
        }

        // The Via may itself be what is malformed, so answer the source address as seen on the socket.
        var response = SipResponse.CreateFor(request, rejection.StatusCode, rejection.ReasonPhrase);
        source.Transport.Send(response.ToArray(), source.Remote, source.ConnectionId);
        Metrics.ResponseSent(request.MethodName, rejection.StatusCode);
    }

    public void OnRequest(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        Metrics.RequestReceived(request.MethodName);
        SipLog.RequestReceived(_logger, request.MethodName, transaction.Source.Remote);
        var toTag = request.To.Tag;
        if (toTag is not null)
        {
            OnDialogRequest(transaction, toTag);
            return;
        }

        var serverRequest = new SipServerRequest(this, transaction, null);
        transaction.UserState = serverRequest;
        if (request.Method == SipMethod.Options && _options.AnswerOptions)
        {
            Respond(serverRequest, BuildOptionsResponse(serverRequest).ToArray(), 200);
            return;
        }

        try
        {
            _handler.OnRequest(serverRequest);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            SipLog.HandlerFailed(_logger, request.MethodName, request.CallId, exception);
            transaction.Respond(serverRequest.CreateResponse(500, "Server Internal Error").ToArray(), 500);
        }
    }

    public void OnCancel(SipServerTransaction invite)
    {
        if (invite.UserState is not SipServerRequest request)
        {
            return;
        }

        request.MarkCancelled();
        RespondOnWorker(request, request.CreateResponse(487, "Request Terminated").ToArray(), 487);
        if (request.Dialog is { } dialog)
        {
            EndDialog(dialog, SipDialogEndReason.Cancelled);
        }
    }

    public void OnStrayResponse(SipResponse response, SipSource source)
    {
        if (response.CSeq.Method == SipMethod.Invite && response.IsSuccess
            && FindDialog(response.CallId, response.From.Tag, response.To.Tag) is { LastAck: { } ack } dialog)
        {
            // The 2xx was retransmitted: our ACK was lost (13.2.2.4).
            dialog.Transport.Send(ack, source.Remote);
            Metrics.Retransmitted("ACK");
            return;
        }

        SipLog.StrayDropped(_logger, "response", response.CallId);
    }

    public void OnAck(SipRequest ack, SipSource source)
    {
        if (FindDialog(ack.CallId, ack.To.Tag, ack.From.Tag) is not { } dialog)
        {
            SipLog.StrayDropped(_logger, "ACK", ack.CallId);
            return;
        }

        if (dialog.PendingAck is { } pending && pending.Sequence == ack.CSeq.Number)
        {
            pending.Timer?.Cancel();
            dialog.PendingAck = null;
        }

        dialog.Confirm();
        dialog.Handler.OnAck(dialog, ack);
    }

    internal SipDialog? FindDialog(string callId, string? localTag, string? remoteTag) =>
        localTag is null || remoteTag is null
            ? null
            : _dialogs[_workers.PartitionOf(callId)].GetValueOrDefault(new SipDialogId(callId, localTag, remoteTag));

    private static bool CanAnswer(SipRequest request) =>
        request.Contains(SipHeaderKind.Via) && request.Contains(SipHeaderKind.From) && request.Contains(SipHeaderKind.To)
        && request.Contains(SipHeaderKind.CallId) && request.Contains(SipHeaderKind.CSeq);

    private SipMessageBuilder BuildOptionsResponse(SipServerRequest request) =>
        request.CreateResponse(200, "OK")
            .AddHeader(SipHeaderKind.Allow, AllowHeader)
            .AddHeader(SipHeaderKind.Accept, "application/sdp")
            .AddHeader(SipHeaderKind.Supported, "replaces, norefersub")
            .AddHeader(SipHeaderKind.Server, _options.UserAgent);

    private sealed class SipInbound(SipUserAgentCore core, SipMessage message, SipSource source)
    {
        public void Run()
        {
            using var scope = SipLog.CallScope(core._logger, message.CallId);
            var partition = core._workers.PartitionOf(message.CallId);
            if (message is SipRequest request)
            {
                core._layer.OnRequest(request, source, partition);
            }
            else
            {
                core._layer.OnResponse((SipResponse)message, source, partition);
            }
        }
    }
}
