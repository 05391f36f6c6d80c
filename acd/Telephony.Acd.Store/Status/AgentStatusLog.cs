using Npgsql;
using Telephony.Acd.Events;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Status;

/// <summary>
/// The history of agents' statuses and states (acd_agent_status_log), written from the engine's
/// <see cref="AgentStatusChanged"/> and <see cref="AgentStateChanged"/> events, and the last status of each agent, which a
/// restarted host restores. Writes are idempotent, so the log can sit behind a <see cref="RecordSpool{TRecord}"/>.
/// </summary>
public sealed class AgentStatusLog(NpgsqlDataSource dataSource) : IRecordSink<AgentStatusEntry>
{
    /// <summary>The row for a status or state change; null for every other event.</summary>
    public static AgentStatusEntry? EntryFor(AcdEvent acdEvent, string? changedBy = null) => acdEvent switch
    {
        AgentStatusChanged status => new AgentStatusEntry(
            Guid.CreateVersion7(status.At), status.AgentId, status.At, "status", AgentStatusNames.Of(status.To), status.BreakReason, changedBy),
        AgentStateChanged state => new AgentStatusEntry(
            Guid.CreateVersion7(state.At), state.AgentId, state.At, "state", AgentStatusNames.Of(state.To), null, null),
        _ => null,
    };

    public async Task WriteAsync(IReadOnlyList<AgentStatusEntry> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            INSERT INTO acd_agent_status_log (entry_id, agent_id, at, kind, value, reason, changed_by)
            SELECT entry_id, agent_id, at, kind, value, reason, changed_by FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
                AS u (entry_id, agent_id, at, kind, value, reason, changed_by, n)
            ORDER BY n
            ON CONFLICT (entry_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = records.Select(r => r.Id).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.AgentId).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.At).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.Kind).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.Value).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.Reason).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.ChangedBy).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The agent's last recorded status, or null when none was ever recorded.</summary>
    public async Task<AgentStatusSnapshot?> CurrentStatusAsync(string agentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        await using var command = dataSource.CreateCommand("""
            SELECT agent_id, value, reason, at FROM acd_agent_status_log
            WHERE agent_id = $1 AND kind = 'status' ORDER BY at DESC, id DESC LIMIT 1
            """);
        command.Parameters.Add(new() { Value = agentId });
        var snapshots = await ReadAsync(command, cancellationToken);
        return snapshots.Count == 0 ? null : snapshots[0];
    }

    /// <summary>The last recorded status of every agent that has one, ordered by agent id.</summary>
    public async Task<IReadOnlyList<AgentStatusSnapshot>> CurrentStatusesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT ON (agent_id) agent_id, value, reason, at FROM acd_agent_status_log
            WHERE kind = 'status' ORDER BY agent_id, at DESC, id DESC
            """);
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<AgentStatusSnapshot>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var snapshots = new List<AgentStatusSnapshot>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            snapshots.Add(new AgentStatusSnapshot(
                reader.GetString(0),
                AgentStatusNames.ParseStatus(reader.GetString(1)),
                await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetString(2),
                await reader.GetFieldValueAsync<DateTimeOffset>(3, cancellationToken)));
        }

        return snapshots;
    }
}
