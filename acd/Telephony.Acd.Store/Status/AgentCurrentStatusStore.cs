using Npgsql;
using NpgsqlTypes;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Status;

/// <summary>
/// The agents' current statuses shared by every host on the database (acd_agent_current_status): written by the host
/// a person chose the status through, read by every host at start, on each change announced with PostgreSQL's
/// LISTEN/NOTIFY, and again on a period so a lost notification or a broken connection heals. Writes are idempotent
/// and only move a row forward, so they can sit behind a <see cref="RecordSpool{TRecord}"/>.
/// </summary>
public sealed class AgentCurrentStatusStore(NpgsqlDataSource dataSource) : IRecordSink<AgentCurrentStatus>
{
    /// <summary>The notification channel the table's trigger announces each changed agent id on.</summary>
    public const string Channel = "acd_agent_status";

    private const string SelectColumns = "SELECT agent_id, status, reason, changed_at, changed_by, host_id FROM acd_agent_current_status";

    public async Task WriteAsync(IReadOnlyList<AgentCurrentStatus> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);

        // One row per agent and statement (an upsert may not touch a row twice): the newest change of each agent.
        var newest = records.GroupBy(r => r.AgentId, StringComparer.Ordinal)
            .Select(changes => changes.Aggregate((kept, next) => next.IsNewerThan(kept) ? next : kept))
            .ToArray();
        if (newest.Length == 0)
        {
            return;
        }

        // Rows of agents deleted meanwhile are dropped rather than failing the batch (and the spool behind it) for ever.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO acd_agent_current_status (agent_id, status, reason, changed_at, changed_by, host_id)
            SELECT u.agent_id, u.status, u.reason, u.changed_at, u.changed_by, u.host_id
            FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[])
                AS u (agent_id, status, reason, changed_at, changed_by, host_id)
            WHERE EXISTS (SELECT 1 FROM acd_agents a WHERE a.id = u.agent_id)
            ON CONFLICT (agent_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
                changed_at = excluded.changed_at, changed_by = excluded.changed_by, host_id = excluded.host_id
            WHERE (acd_agent_current_status.changed_at, acd_agent_current_status.host_id COLLATE "C")
                < (excluded.changed_at, excluded.host_id COLLATE "C")
            """);
        command.Parameters.Add(new() { Value = newest.Select(r => r.AgentId).ToArray() });
        command.Parameters.Add(new() { Value = newest.Select(r => AgentStatusNames.Of(r.Status)).ToArray() });
        command.Parameters.Add(new() { Value = newest.Select(r => r.Reason).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = newest.Select(r => r.ChangedAt).ToArray() });
        command.Parameters.Add(new() { Value = newest.Select(r => r.ChangedBy).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = newest.Select(r => r.HostId).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every agent's current shared status (agents nobody ever chose a status for have none).</summary>
    public async Task<IReadOnlyList<AgentCurrentStatus>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectColumns);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// Listens on a connection of its own: hands <paramref name="changed"/> every current status once listening (so
    /// nothing written before is missed), then the rows of the agents each notification names, and every row again
    /// when <paramref name="reconcileEvery"/> passes without one. Returns only by throwing: cancellation, or the
    /// connection failing (the caller reconnects, and the first full read heals whatever was missed meanwhile).
    /// </summary>
    public async Task ListenAsync(
        Func<IReadOnlyList<AgentCurrentStatus>, CancellationToken, Task> changed, TimeSpan reconcileEvery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var announced = new HashSet<string>(StringComparer.Ordinal);

        // Raised from inside WaitAsync or a read on this connection, on this method's own flow, never concurrently.
        connection.Notification += (_, e) => announced.Add(e.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        await changed(await ReadAllAsync(connection, cancellationToken), cancellationToken);
        while (true)
        {
            // Notifications also arrive while a read runs; those are handled before waiting for more.
            if (announced.Count == 0 && !await connection.WaitAsync(reconcileEvery, cancellationToken))
            {
                await changed(await ReadAllAsync(connection, cancellationToken), cancellationToken);
                continue;
            }

            string[] agents = [.. announced];
            announced.Clear();
            await using var read = new NpgsqlCommand(SelectColumns + " WHERE agent_id = ANY($1)", connection);
            read.Parameters.Add(new() { Value = agents });
            await changed(await ReadAsync(read, cancellationToken), cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<AgentCurrentStatus>> ReadAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SelectColumns, connection);
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<AgentCurrentStatus>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var statuses = new List<AgentCurrentStatus>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            statuses.Add(new AgentCurrentStatus(
                reader.GetString(0),
                AgentStatusNames.ParseStatus(reader.GetString(1)),
                await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetString(2),
                await reader.GetFieldValueAsync<DateTimeOffset>(3, cancellationToken),
                await reader.IsDBNullAsync(4, cancellationToken) ? null : reader.GetString(4),
                reader.GetString(5)));
        }

        return statuses;
    }
}
