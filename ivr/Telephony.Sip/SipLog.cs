using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Telephony.Sip.Parsing;
using Telephony.Sip.Transport;

namespace Telephony.Sip;

/// <summary>The SIP stack's log events (band 1000).</summary>
internal static partial class SipLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "SIP {Kind} transport listening on {EndPoint}")]
    public static partial void TransportListening(ILogger logger, SipTransportKind kind, IPEndPoint endPoint);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "SIP {Kind} send to {Remote} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, SipTransportKind kind, IPEndPoint remote, SocketError error);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "SIP {Kind} message from {Remote} failed in the layer above the transport")]
    public static partial void ReceiveHandlerFailed(ILogger logger, SipTransportKind kind, IPEndPoint remote, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "SIP {Kind} connection to {Remote} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, SipTransportKind kind, IPEndPoint remote, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "SIP {Kind} connection with {Remote} refused: {Max} connections open")]
    public static partial void ConnectionRefused(ILogger logger, SipTransportKind kind, IPEndPoint remote, int max);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "SIP message from {Remote} rejected: {Rejection}")]
    public static partial void MessageRejected(ILogger logger, IPEndPoint remote, SipRejection rejection);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "SIP {Method} transaction timed out (Call-ID {CallId})")]
    public static partial void TransactionTimedOut(ILogger logger, string method, string callId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "SIP INVITE from {Remote} refused with 503: {InFlight} transactions in flight or stopping")]
    public static partial void Overloaded(ILogger logger, IPEndPoint remote, int inFlight);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "SIP request from {Remote} dropped: over the per-source rate limit")]
    public static partial void RateLimited(ILogger logger, IPEndPoint remote);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "SIP stray {What} dropped (Call-ID {CallId})")]
    public static partial void StrayDropped(ILogger logger, string what, string callId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "SIP stack started with {Count} transports")]
    public static partial void StackStarted(ILogger logger, int count);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "SIP stack stopped; {InFlight} transactions were still in flight")]
    public static partial void StackStopped(ILogger logger, int inFlight);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "SIP request handler failed on {Method} (Call-ID {CallId}); answered 500")]
    public static partial void HandlerFailed(ILogger logger, string method, string callId, Exception exception);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Debug, Message = "SIP {Method} received from {Remote}")]
    public static partial void RequestReceived(ILogger logger, string method, IPEndPoint remote);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Information, Message = "SIP dialog {State}: {CallId}")]
    public static partial void DialogChanged(ILogger logger, string state, string callId);

    [LoggerMessage(EventId = 1018, Level = LogLevel.Information, Message = "SIP dialog ended ({Reason}): {CallId}")]
    public static partial void DialogEnded(ILogger logger, Telephony.Sip.Dialogs.SipDialogEndReason reason, string callId);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Warning, Message = "SIP 2xx to INVITE never acknowledged (Call-ID {CallId})")]
    public static partial void AckTimedOut(ILogger logger, string callId);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Error, Message = "SIP worker item failed")]
    public static partial void WorkItemFailed(ILogger logger, Exception exception);

    private static readonly Func<ILogger, string, IDisposable?> s_callScope = LoggerMessage.DefineScope<string>("Call-ID {CallId}");

    /// <summary>The per-call log scope: every event logged while handling a message carries its Call-ID.</summary>
    public static IDisposable? CallScope(ILogger logger, string callId) => s_callScope(logger, callId);

    [LoggerMessage(EventId = 1019, Level = LogLevel.Information, Message = "SIP TLS handshake with {Remote} failed: {Reason}")]
    public static partial void TlsHandshakeFailed(ILogger logger, IPEndPoint remote, string reason);
}
