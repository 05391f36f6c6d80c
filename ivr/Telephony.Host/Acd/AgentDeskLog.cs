using Microsoft.Extensions.Logging;

namespace Telephony.Host.Acd;

/// <summary>Log events of the agent desktop and the supervisor page (band 9700–9719).</summary>
internal static partial class AgentDeskLog
{
    [LoggerMessage(EventId = 9701, Level = LogLevel.Warning, Message = "Caller history unavailable for the call card")]
    public static partial void HistoryUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9702, Level = LogLevel.Information, Message = "Wrap-up of call {CallId} by agent {Extension}: disposition {Disposition}, wrap-up ended early {EndedEarly}")]
    public static partial void WrapUpSaved(ILogger logger, string callId, string extension, string disposition, bool endedEarly);

    [LoggerMessage(EventId = 9703, Level = LogLevel.Warning, Message = "Today's queue counts unavailable for the supervisor page")]
    public static partial void CountsUnavailable(ILogger logger, Exception exception);
}
