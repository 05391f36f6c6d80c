namespace Telephony.Host;

/// <summary>The host's log events (band 9000).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Database: {Description}")]
    public static partial void DatabaseChosen(ILogger logger, string description);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Database not ready ({Reason}); retrying in {RetrySeconds} s")]
    public static partial void DatabaseNotReady(ILogger logger, string reason, int retrySeconds);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Database ready: schema up to date ({Applied} migrations applied now)")]
    public static partial void DatabaseReady(ILogger logger, int applied);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "Stopping: new work refused, in-flight work has {GraceSeconds} s to finish")]
    public static partial void Stopping(ILogger logger, double graceSeconds);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "Embedded PostgreSQL stopped")]
    public static partial void EmbeddedDatabaseStopped(ILogger logger);

    [LoggerMessage(EventId = 9007, Level = LogLevel.Information, Message = "Listening: HTTP {HttpUrl}; SIP {SipEndpoints}")]
    public static partial void Listening(ILogger logger, string httpUrl, string sipEndpoints);

    [LoggerMessage(EventId = 9008, Level = LogLevel.Information, Message = "Warmed up for calls: {Methods} media methods compiled ({CompileMilliseconds:0} ms); start-up heap settled at {HeapMegabytes:0.0} MB by one full collection ({CollectMilliseconds:0} ms)")]
    public static partial void WarmedUp(ILogger logger, int methods, double compileMilliseconds, double heapMegabytes, double collectMilliseconds);

    [LoggerMessage(EventId = 9009, Level = LogLevel.Warning, Message = "Media code could not all be compiled ahead of the first calls")]
    public static partial void WarmupIncomplete(ILogger logger, Exception exception);
}
