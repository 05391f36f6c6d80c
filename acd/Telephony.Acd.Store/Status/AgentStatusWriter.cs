using Microsoft.Extensions.Logging;
using Npgsql;
using Telephony.Acd.Events;
using Telephony.Acd.Routing;
using Telephony.Acd.Store.Records;
using Telephony.Data.Diagnostics;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Status;

/// <summary>
/// Feeds <see cref="AgentStatusLog"/> from the engine's results off the routing loop, through the spool directory
/// <c>&lt;spoolRoot&gt;/agent_status</c> while the database is away.
/// </summary>
public sealed class AgentStatusWriter(NpgsqlDataSource dataSource, string spoolRoot, TimeProvider timeProvider, DataMetrics metrics, ILogger<AgentStatusWriter> logger)
    : SpooledRecordWriter<AgentStatusEntry>(
        SpoolName, new AgentStatusLog(dataSource), AcdStoreJsonContext.Default.AgentStatusEntry, spoolRoot, timeProvider, metrics, logger)
{
    public const string SpoolName = "agent_status";

    /// <summary>Queues a row for every status or state change among the result's events.</summary>
    public void Record(AcdResult result, string? changedBy = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var acdEvent in result.Events)
        {
            Record(acdEvent, changedBy);
        }
    }

    /// <summary>Queues a row when the event is a status or state change; other events are ignored.</summary>
    public void Record(AcdEvent acdEvent, string? changedBy = null)
    {
        if (AgentStatusLog.EntryFor(acdEvent, changedBy) is { } entry)
        {
            Add(entry);
        }
    }
}
