using Microsoft.Extensions.Logging;

namespace Telephony.Data;

/// <summary>Log events of the shared database plumbing (band 9200, beside the host's).</summary>
internal static partial class DataLog
{
    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Applied migration {Component} {Version:D4}_{Name}")]
    public static partial void MigrationApplied(ILogger logger, string component, int version, string name);
}
