using Microsoft.Extensions.Logging;
using Telephony.Acd.Agents;
using Telephony.Acd.Routing;
using Telephony.Calls.Control;
using Telephony.Host.Acd;

namespace Telephony.Host.Calls;

/// <summary>The host's call-flow and dispatcher log events (band 9300–9399).</summary>
internal static partial class CallsLog
{
    public static readonly Func<ILogger, Guid, string, IDisposable?> CallScope = LoggerMessage.DefineScope<Guid, string>("Call {CallId} SIP {SipCallId}");

    [LoggerMessage(EventId = 9300, Level = LogLevel.Information, Message = "ACD loaded: {Queues} queues, {Agents} agents")]
    public static partial void AcdLoaded(ILogger logger, int queues, int agents);

    [LoggerMessage(EventId = 9301, Level = LogLevel.Error, Message = "ACD input failed")]
    public static partial void DispatcherItemFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Warning, Message = "ACD input dropped: the dispatcher has stopped")]
    public static partial void DispatcherClosed(ILogger logger);

    [LoggerMessage(EventId = 9303, Level = LogLevel.Error, Message = "ACD background work failed")]
    public static partial void OffLoopWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9304, Level = LogLevel.Information, Message = "Agent {Extension} status {Status} ({Reason}) set by {ChangedBy}: {Rejection}")]
    public static partial void AgentStatusSet(ILogger logger, string extension, AgentStatus status, string? reason, string changedBy, AcdRejection rejection);

    [LoggerMessage(EventId = 9305, Level = LogLevel.Warning, Message = "Queue {Queue} refused the caller: {Rejection}")]
    public static partial void EnqueueRefused(ILogger logger, string queue, AcdRejection rejection);

    [LoggerMessage(EventId = 9306, Level = LogLevel.Warning, Message = "Reservation store failed for agent {AgentId}; treated as taken")]
    public static partial void ReservationFailed(ILogger logger, string agentId, Exception exception);

    [LoggerMessage(EventId = 9307, Level = LogLevel.Information, Message = "Ringing agent {Extension} for queue {Queue}")]
    public static partial void RingingAgent(ILogger logger, string extension, string queue);

    [LoggerMessage(EventId = 9308, Level = LogLevel.Information, Message = "Agent {Extension} did not take the call: {Failure}")]
    public static partial void RingFailed(ILogger logger, string extension, OriginateFailure failure);

    [LoggerMessage(EventId = 9309, Level = LogLevel.Information, Message = "Caller bridged with agent {Extension} from queue {Queue}")]
    public static partial void Bridged(ILogger logger, string extension, string queue);

    [LoggerMessage(EventId = 9320, Level = LogLevel.Information, Message = "Call from {From} to {To}")]
    public static partial void CallArrived(ILogger logger, string from, string to);

    [LoggerMessage(EventId = 9321, Level = LogLevel.Information, Message = "Call to {To} rejected: {Rejection}")]
    public static partial void CallRejected(ILogger logger, string to, CallRejection rejection);

    [LoggerMessage(EventId = 9322, Level = LogLevel.Information, Message = "Call waited {WaitSeconds} s in queue {Queue}: {Outcome}")]
    public static partial void WaitEnded(ILogger logger, double waitSeconds, string queue, AcdWaitOutcome outcome);

    [LoggerMessage(EventId = 9323, Level = LogLevel.Information, Message = "Call ended: {Outcome}, talk {TalkSeconds} s")]
    public static partial void CallFinished(ILogger logger, string outcome, double talkSeconds);

    [LoggerMessage(EventId = 9324, Level = LogLevel.Error, Message = "Call flow failed")]
    public static partial void CallFlowFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9325, Level = LogLevel.Error, Message = "Call record could not be written")]
    public static partial void RecordWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9330, Level = LogLevel.Information, Message = "Agent {Extension} transferred the caller from queue {FromQueue} to queue {ToQueue}")]
    public static partial void TransferredToQueue(ILogger logger, string? extension, string? fromQueue, string toQueue);

    [LoggerMessage(EventId = 9331, Level = LogLevel.Warning, Message = "Agent {Extension} asked to transfer the caller to {Target}, which is not a queue of this hotline; the call stays with the agent")]
    public static partial void TransferRefused(ILogger logger, string? extension, string target);

    [LoggerMessage(EventId = 9326, Level = LogLevel.Information, Message = "Caller asked for a callback from queue {Queue}, keeping the place")]
    public static partial void CallbackRequested(ILogger logger, string queue);

    [LoggerMessage(EventId = 9340, Level = LogLevel.Warning, Message = "Watchdog released call {CallId}: {Problem}")]
    public static partial void RepairedCaller(ILogger logger, string callId, string problem);

    [LoggerMessage(EventId = 9341, Level = LogLevel.Warning, Message = "Watchdog released agent {Extension} ({State}) held for unknown call {CallId}")]
    public static partial void RepairedAgent(ILogger logger, string extension, AgentState state, string callId);

    [LoggerMessage(EventId = 9342, Level = LogLevel.Warning, Message = "Watchdog made {Repairs} repairs")]
    public static partial void Repaired(ILogger logger, int repairs);
}
