using Microsoft.Extensions.Logging;

namespace Telephony.Calls.MediaPlane;

/// <summary>Source-generated log events of the media plane (event ids 2600–2699 of the Calls band).</summary>
internal static partial class CallMediaLog
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Error, Message = "RTP receive wait failed with errno {Errno}")]
    public static partial void ReceiveWaitFailed(ILogger logger, int errno);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Error, Message = "Handling a datagram on RTP port {Port} failed")]
    public static partial void ReceiveHandlerFailed(ILogger logger, int port, Exception exception);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Warning, Message = "No RTP or RTCP on port {Port} for {Seconds} s: the leg is dead")]
    public static partial void LegInactive(ILogger logger, int port, double seconds);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Warning, Message = "RTP port {Port} could not be bound: {Reason}")]
    public static partial void PortBindFailed(ILogger logger, int port, string reason);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Error, Message = "Writing the recording {Path} failed")]
    public static partial void RecordingFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2605, Level = LogLevel.Information, Message = "Legs on ports {CallerPort} and {AgentPort} bridged (transcoding: {Transcoding})")]
    public static partial void Bridged(ILogger logger, int callerPort, int agentPort, bool transcoding);

    [LoggerMessage(EventId = 2606, Level = LogLevel.Information, Message = "Media packets are handed to the kernel {LeadMs} ms ahead of their time ({Slots} slots)")]
    public static partial void SendingAhead(ILogger logger, double leadMs, int slots);

    [LoggerMessage(EventId = 2607, Level = LogLevel.Warning, Message = "Media packets are sent as their tick runs, not ahead (a pause of the process delays them): {Reason}")]
    public static partial void SendAheadUnavailable(ILogger logger, string reason);
}
