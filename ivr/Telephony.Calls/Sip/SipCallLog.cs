using Microsoft.Extensions.Logging;
using Telephony.Calls.Control;
using Telephony.Sip.Messages;

namespace Telephony.Calls.Sip;

/// <summary>Source-generated log events of the SIP call backend (event ids 2700–2749 of the Calls band).</summary>
internal static partial class SipCallLog
{
    /// <summary>The scope every log line of one call carries: our call id and the SIP Call-ID.</summary>
    public static readonly Func<ILogger, Guid, string, IDisposable?> CallScope = LoggerMessage.DefineScope<Guid, string>("Call {CallId} SIP {SipCallId}");

    public static readonly Func<ILogger, string, IDisposable?> SipScope = LoggerMessage.DefineScope<string>("SIP {SipCallId}");

    [LoggerMessage(EventId = 2700, Level = LogLevel.Information, Message = "Incoming call from {From} to {To}")]
    public static partial void Incoming(ILogger logger, SipUri from, SipUri to);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "Incoming call refused with {StatusCode}: {Reason}")]
    public static partial void Refused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Error, Message = "The incoming-call handler failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Information, Message = "Call ended: {Reason}")]
    public static partial void Ended(ILogger logger, CallEndReason reason);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Warning, Message = "Sending BYE failed")]
    public static partial void ByeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2705, Level = LogLevel.Error, Message = "A call event subscriber failed")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2706, Level = LogLevel.Information, Message = "Originating to {Target} at {ContactUri}")]
    public static partial void Originating(ILogger logger, string target, string contactUri);

    [LoggerMessage(EventId = 2707, Level = LogLevel.Information, Message = "Originate to {Target} failed: {Failure} ({StatusCode})")]
    public static partial void OriginateFailed(ILogger logger, string target, OriginateFailure failure, int? statusCode);

    [LoggerMessage(EventId = 2708, Level = LogLevel.Warning, Message = "The session description was refused: {Reason}")]
    public static partial void SdpRefused(ILogger logger, string reason);
}
