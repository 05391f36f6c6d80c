using Microsoft.Extensions.Logging;
using Npgsql;
using Telephony.Acd.Agents;
using Telephony.Acd.Store.Records;
using Telephony.Data.Diagnostics;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Status;

/// <summary>
/// Writes the statuses people choose through this host to <see cref="AgentCurrentStatusStore"/> off the routing loop,
/// through the spool directory <c>&lt;spoolRoot&gt;/agent_current_status</c> while the database is away: the change
/// holds on this host at once and reaches the others once it is written.
/// </summary>
public sealed class AgentCurrentStatusWriter : SpooledRecordWriter<AgentCurrentStatus>
{
    public const string SpoolName = "agent_current_status";

    private readonly TimeProvider _timeProvider;

    public AgentCurrentStatusWriter(
        NpgsqlDataSource dataSource, string hostId, string spoolRoot, TimeProvider timeProvider, DataMetrics metrics, ILogger<AgentCurrentStatusWriter> logger)
        : base(SpoolName, new AgentCurrentStatusStore(dataSource), AcdStoreJsonContext.Default.AgentCurrentStatus, spoolRoot, timeProvider, metrics, logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostId);
        HostId = hostId;
        _timeProvider = timeProvider;
    }

    /// <summary>The host named on every status this writer publishes.</summary>
    public string HostId { get; }

    /// <summary>Queues the status just chosen for <paramref name="agentId"/> (a break keeps its reason) and returns its row.</summary>
    public AgentCurrentStatus Publish(string agentId, AgentStatus status, string? reason, string? changedBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        var now = _timeProvider.GetUtcNow();

        // Cut to microseconds, what PostgreSQL keeps, so the row read back compares equal to the one this host applied.
        var changedAt = now.AddTicks(-(now.UtcTicks % 10));
        var row = new AgentCurrentStatus(agentId, status, status == AgentStatus.OnBreak ? reason : null, changedAt, changedBy, HostId);
        Add(row);
        return row;
    }
}
