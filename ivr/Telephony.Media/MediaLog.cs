using Microsoft.Extensions.Logging;

namespace Telephony.Media;

/// <summary>Source-generated log events of the media layer (event ids 2000–2499).</summary>
internal static partial class MediaLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Media tick started: period {PeriodMs} ms")]
    public static partial void TickStarted(ILogger logger, double periodMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Media tick stopped after {Ticks} ticks ({LateTicks} late, {SkippedTicks} skipped)")]
    public static partial void TickStopped(ILogger logger, long ticks, long lateTicks, long skippedTicks);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Media tick fell {LatenessMs:F1} ms behind; skipped {SkippedTicks} ticks to catch up")]
    public static partial void TicksSkipped(ILogger logger, double latenessMs, long skippedTicks);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Media tick runs at real-time priority {Priority} (SCHED_FIFO)")]
    public static partial void TickRealtime(ILogger logger, int priority);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Media tick could not take real-time priority {Priority} (errno {Errno}); it runs at normal priority and a busy host will delay every call's audio. Grant CAP_SYS_NICE or LimitRTPRIO, or set Calls:Tick:RealtimePriority to 0")]
    public static partial void TickRealtimeRefused(ILogger logger, int priority, int errno);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Media stream {Stream} threw on its tick and was removed")]
    public static partial void StreamFaulted(ILogger logger, string stream, Exception exception);
}
