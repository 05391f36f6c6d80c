using Microsoft.Extensions.Logging;
using Telephony.Acd.Agents;
using Telephony.Acd.Routing;

namespace Telephony.Host.Acd;

/// <summary>The ACD dispatcher's loading and store events (band 9360–9379).</summary>
internal static partial class AcdHostLog
{
    [LoggerMessage(EventId = 9360, Level = LogLevel.Warning, Message = "ACD queues and agents not loaded ({Reason}); retrying in {RetrySeconds} s, callers wait meanwhile")]
    public static partial void ConfigurationNotLoaded(ILogger logger, double retrySeconds, string reason);

    [LoggerMessage(EventId = 9361, Level = LogLevel.Error, Message = "Queue {Queue} left out of service: {Reason}")]
    public static partial void QueueSkipped(ILogger logger, string queue, string reason);

    [LoggerMessage(EventId = 9362, Level = LogLevel.Warning, Message = "Reservation of agent {AgentId} for call {CallId} could not be given back: {Reason}")]
    public static partial void ReleaseFailed(ILogger logger, string agentId, string callId, string reason);

    [LoggerMessage(EventId = 9363, Level = LogLevel.Information, Message = "Released {Count} agent reservations this host ({HostId}) held before it started")]
    public static partial void ReleasedLeftovers(ILogger logger, int count, string hostId);

    [LoggerMessage(EventId = 9364, Level = LogLevel.Information, Message = "Agent {AgentId} is held by another host's call; call {CallId} is offered elsewhere")]
    public static partial void AgentHeldElsewhere(ILogger logger, string agentId, string callId);

    [LoggerMessage(EventId = 9365, Level = LogLevel.Information, Message = "Agent {Extension} set {Status} as chosen through host {HostId} ({Rejection})")]
    public static partial void SharedStatusApplied(ILogger logger, string extension, AgentStatus status, string hostId, AcdRejection rejection);

    [LoggerMessage(EventId = 9366, Level = LogLevel.Warning, Message = "Agents' shared statuses not followed ({Reason}); listening again in {RetrySeconds} s")]
    public static partial void SharedStatusListenFailed(ILogger logger, string reason, double retrySeconds);
}
