using Npgsql;
using NpgsqlTypes;
using Telephony.Acd.Agents;
using Telephony.Acd.Queues;
using Telephony.Acd.Skills;

namespace Telephony.Acd.Store.Configuration;

/// <summary>
/// The ACD's configuration in PostgreSQL: agents with their skills (acd_agents, acd_agent_skills) and queues
/// (acd_queues, settings as jsonb). A host loads it at start and feeds it to its <see cref="Routing.AcdEngine"/>.
/// </summary>
public sealed class AcdConfigurationStore(NpgsqlDataSource dataSource)
{
    /// <summary>Creates or replaces the agent and its whole skill set, in one transaction.</summary>
    public async Task SaveAgentAsync(Agent agent, long? accountId, bool active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO acd_agents (id, extension, name, account_id, active) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET extension = EXCLUDED.extension, name = EXCLUDED.name,
                account_id = EXCLUDED.account_id, active = EXCLUDED.active
            """, connection, transaction))
        {
            upsert.Parameters.Add(new() { Value = agent.Id });
            upsert.Parameters.Add(new() { Value = agent.Extension });
            upsert.Parameters.Add(new() { Value = agent.Name });
            upsert.Parameters.Add(new() { Value = accountId.HasValue ? accountId.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            upsert.Parameters.Add(new() { Value = active });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var clear = new NpgsqlCommand("DELETE FROM acd_agent_skills WHERE agent_id = $1", connection, transaction))
        {
            clear.Parameters.Add(new() { Value = agent.Id });
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var skills = new NpgsqlCommand("""
            INSERT INTO acd_agent_skills (agent_id, skill, proficiency) SELECT $1, s, p FROM unnest($2::text[], $3::smallint[]) AS u (s, p)
            """, connection, transaction))
        {
            skills.Parameters.Add(new() { Value = agent.Id });
            skills.Parameters.Add(new() { Value = agent.Skills.Select(s => s.Skill).ToArray() });
            skills.Parameters.Add(new() { Value = agent.Skills.Select(s => (short)s.Level).ToArray() });
            await skills.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Every agent (active or not), ordered by id, skills ordered by name.</summary>
    public async Task<IReadOnlyList<StoredAgent>> LoadAgentsAsync(CancellationToken cancellationToken)
    {
        var skillsByAgent = new Dictionary<string, List<AgentSkill>>(StringComparer.Ordinal);
        await using (var skills = dataSource.CreateCommand("SELECT agent_id, skill, proficiency FROM acd_agent_skills ORDER BY agent_id, skill"))
        await using (var reader = await skills.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var agentId = reader.GetString(0);
                if (!skillsByAgent.TryGetValue(agentId, out var list))
                {
                    skillsByAgent[agentId] = list = [];
                }

                list.Add(new AgentSkill(reader.GetString(1), reader.GetInt16(2)));
            }
        }

        var agents = new List<StoredAgent>();
        await using var command = dataSource.CreateCommand("SELECT id, extension, name, account_id, active FROM acd_agents ORDER BY id");
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            var id = rows.GetString(0);
            IReadOnlyList<AgentSkill> skills = skillsByAgent.TryGetValue(id, out var list) ? list : [];
            agents.Add(new StoredAgent(
                new Agent(id, rows.GetString(1), rows.GetString(2), skills),
                await rows.IsDBNullAsync(3, cancellationToken) ? null : rows.GetInt64(3),
                rows.GetBoolean(4)));
        }

        return agents;
    }

    /// <summary>Validates the queue, then creates or replaces it.</summary>
    public async Task SaveQueueAsync(AcdQueue queue, bool active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        queue.Validate();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO acd_queues (id, name, definition, active) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, definition = EXCLUDED.definition, active = EXCLUDED.active
            """);
        command.Parameters.Add(new() { Value = queue.Id });
        command.Parameters.Add(new() { Value = queue.Name });
        command.Parameters.Add(new() { Value = QueueDefinitionJson.Write(queue), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = active });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The queues in service, ordered by id.</summary>
    public async Task<IReadOnlyList<AcdQueue>> LoadQueuesAsync(CancellationToken cancellationToken)
    {
        var queues = new List<AcdQueue>();
        await using var command = dataSource.CreateCommand("SELECT id, name, definition::text FROM acd_queues WHERE active ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            queues.Add(QueueDefinitionJson.Read(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return queues;
    }
}
