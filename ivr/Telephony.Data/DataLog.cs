using Microsoft.Extensions.Logging;

namespace Telephony.Data;

/// <summary>Log events of the shared database plumbing (band 9200, beside the host's).</summary>
internal static partial class DataLog
{
    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Applied migration {Component} {Version:D4}_{Name}")]
    public static partial void MigrationApplied(ILogger logger, string component, int version, string name);

    [LoggerMessage(EventId = 9210, Level = LogLevel.Warning, Message = "Spool {Spool}: the database is unavailable; {Rows} rows kept on disk ({Depth} waiting)")]
    public static partial void SpoolDatabaseUnavailable(ILogger logger, Exception exception, string spool, int rows, long depth);

    [LoggerMessage(EventId = 9211, Level = LogLevel.Information, Message = "Spool {Spool}: replayed {Rows} rows from {Path}")]
    public static partial void SpoolSegmentReplayed(ILogger logger, string spool, int rows, string path);

    [LoggerMessage(EventId = 9212, Level = LogLevel.Error, Message = "Spool {Spool}: the database refused {Rows} rows; kept in {Path}")]
    public static partial void SpoolRowsRejected(ILogger logger, Exception exception, string spool, int rows, string path);

    [LoggerMessage(EventId = 9213, Level = LogLevel.Information, Message = "Spool {Spool}: {Rows} rows found on disk at start, replaying them first")]
    public static partial void SpoolFoundOnDisk(ILogger logger, string spool, long rows);

    [LoggerMessage(EventId = 9214, Level = LogLevel.Error, Message = "Spool {Spool}: a line of {Path} is not a valid row; kept in {RejectedPath}")]
    public static partial void SpoolLineUnreadable(ILogger logger, Exception exception, string spool, string path, string rejectedPath);

    [LoggerMessage(EventId = 9215, Level = LogLevel.Critical, Message = "Spool {Spool}: writing the spool files failed; rows of this cycle may be lost")]
    public static partial void SpoolDiskFailed(ILogger logger, Exception exception, string spool);
}
