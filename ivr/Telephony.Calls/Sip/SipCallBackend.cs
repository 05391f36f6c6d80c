using System.Text;
using Microsoft.Extensions.Logging;
using Telephony.Calls.Control;
using Telephony.Calls.MediaPlane;
using Telephony.Media.Sdp;
using Telephony.Sip.Messages;
using Telephony.Sip.Stack;

namespace Telephony.Calls.Sip;

/// <summary>
/// The call-control API over our SIP stack. It takes INVITEs outside a dialog (in-dialog requests reach each call's
/// dialog handler) and passes every other out-of-dialog request to <c>otherRequests</c> (the registrar for REGISTER),
/// so the host gives the stack this backend as its request handler. Because the stack is built with its handler,
/// the host calls <see cref="Attach"/> with the stack before starting it.
/// </summary>
public sealed partial class SipCallBackend : ICallBackend, ISipRequestHandler
{
    private readonly CallMediaEngine _engine;
    private readonly ISipLocationService _locations;
    private readonly SipCallBackendOptions _options;
    private readonly ISipRequestHandler? _otherRequests;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Func<ICall, CancellationToken, Task>? _handler;
    private SipStack? _stack;

    public SipCallBackend(
        CallMediaEngine engine, ISipLocationService locations, SipCallBackendOptions options, ISipRequestHandler? otherRequests,
        TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _engine = engine;
        _locations = locations;
        _options = options;
        _otherRequests = otherRequests;
        _time = time;
        _logger = loggerFactory.CreateLogger("Telephony.Calls.Sip");
    }

    /// <summary>The stack this backend answers for and places calls through; set once, before the stack starts.</summary>
    public void Attach(SipStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (Interlocked.CompareExchange(ref _stack, stack, null) is not null)
        {
            throw new InvalidOperationException("The backend is already attached to a stack.");
        }
    }

    public void OnIncomingCall(Func<ICall, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Volatile.Write(ref _handler, handler);
    }

    /// <summary>Out-of-dialog requests: INVITE here, the rest to the inner handler (405 without one).</summary>
    public void OnRequest(SipServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Request.Method == SipMethod.Invite)
        {
            HandleInvite(request);
        }
        else if (_otherRequests is not null)
        {
            _otherRequests.OnRequest(request);
        }
        else
        {
            request.Respond(request.CreateResponse(405, "Method Not Allowed").AddHeader(SipHeaderKind.Allow, "INVITE, ACK, CANCEL, BYE, INFO, UPDATE, REFER, OPTIONS"));
        }
    }

    /// <summary>
    /// A new INVITE (100 Trying already sent): negotiates the session, then offers the call to the incoming-call handler
    /// on its own task. For hosts that route requests themselves.
    /// </summary>
    public void HandleInvite(SipServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var handler = Volatile.Read(ref _handler);
        var stack = Volatile.Read(ref _stack);
        using var scope = SipCallLog.SipScope(_logger, request.Request.CallId);
        SipCallLog.Incoming(_logger, request.Request.From.Uri, request.Request.RequestUri);
        if (handler is null || stack is null)
        {
            Refuse(request, 503, "Service Unavailable", "no call handler");
            return;
        }

        SessionDescription? offer = null;
        if (!request.Request.Body.IsEmpty
            && !SessionDescription.TryParse(Encoding.UTF8.GetString(request.Request.Body.Span), out offer, out var parseError))
        {
            SipCallLog.Refused(_logger, 488, parseError);
            request.Respond(SipSdpResponses.NotAcceptable(request, parseError));
            return;
        }

        RtpEndpoint endpoint;
        try
        {
            endpoint = _engine.OpenEndpoint();
        }
        catch (InvalidOperationException exception)
        {
            Refuse(request, 503, "Service Unavailable", exception.Message);
            return;
        }

        var local = LocalMediaOf(endpoint);
        SessionDescription localDescription;
        NegotiatedAudio? audio = null;
        if (offer is null)
        {
            localDescription = SdpNegotiator.CreateOffer(local);
        }
        else
        {
            var result = SdpNegotiator.Answer(offer, local);
            if (result is not { IsAccepted: true, Answer: { } answer })
            {
                endpoint.Dispose();
                var reason = result.Reason ?? result.Outcome.ToString();
                SipCallLog.Refused(_logger, 488, reason);
                request.Respond(SipSdpResponses.NotAcceptable(request, reason));
                return;
            }

            localDescription = answer;
            audio = result.Audio;
        }

        var call = new SipCall(_engine, _time, _logger, request, request.LocalContact, endpoint, local, localDescription, audio);
        request.WhenCancelled.ContinueWith(static (_, state) => ((SipCall)state!).OnCancelled(), call, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _ = Task.Run(() => RunHandlerAsync(handler, call));
    }

    private async Task RunHandlerAsync(Func<ICall, CancellationToken, Task> handler, SipCall call)
    {
        using var scope = call.BeginLogScope();
        try
        {
            await handler(call, call.Ended).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || call.State != CallState.Ended)
        {
            SipCallLog.HandlerFailed(_logger, exception);
        }
        catch (OperationCanceledException)
        {
            // The call ended under the handler (its Ended token, or an operation refused after the end): nothing is wrong.
        }

        if (call.State == CallState.Offered)
        {
            // A handler that returns without answering refuses the call.
            await call.RejectAsync(CallRejection.TemporarilyUnavailable, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private void Refuse(SipServerRequest request, int statusCode, string reasonPhrase, string why)
    {
        SipCallLog.Refused(_logger, statusCode, why);
        request.Respond(statusCode, reasonPhrase);
    }

    private static SdpLocalMedia LocalMediaOf(RtpEndpoint endpoint) => new()
    {
        Address = endpoint.SdpAddress,
        Port = endpoint.LocalPort,
        SessionId = Random.Shared.NextInt64(1, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
