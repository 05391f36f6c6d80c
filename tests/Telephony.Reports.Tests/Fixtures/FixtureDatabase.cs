using Npgsql;

namespace Telephony.Reports.Tests.Fixtures;

/// <summary>Writes fixture rows into the ACD's tables the way the ACD store would.</summary>
public static class FixtureDatabase
{
    public static async Task InsertCallsAsync(NpgsqlDataSource dataSource, IEnumerable<FixtureCall> calls)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var call in calls)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO call_records (id, sip_call_id, host_id, caller, dialed, started_at, answered_at, ended_at, language, topic,
                    ivr_exit_node, queue_id, queued_at, agent_id, agent_answered_at, wait_ms, talk_ms, wrap_up_ms, outcome, survey_score,
                    callback_requested, callback_made, is_callback)
                VALUES ($1, $2, 'h1', '+994500000000', '100', $3, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
                """, connection);
            var queuedAt = call.Queue is null ? (DateTimeOffset?)null : call.StartedAt.AddSeconds(10);
            command.Parameters.Add(new() { Value = call.Id });
            command.Parameters.Add(new() { Value = call.Id.ToString() });
            command.Parameters.Add(new() { Value = call.StartedAt });
            command.Parameters.Add(new() { Value = call.EndedAt });
            command.Parameters.Add(new() { Value = (object?)call.Language ?? DBNull.Value });
            command.Parameters.Add(new() { Value = (object?)call.Topic ?? DBNull.Value });
            command.Parameters.Add(new() { Value = (object?)call.IvrExitNode ?? DBNull.Value });
            command.Parameters.Add(new() { Value = (object?)call.Queue ?? DBNull.Value });
            command.Parameters.Add(new() { Value = (object?)queuedAt ?? DBNull.Value });
            command.Parameters.Add(new() { Value = (object?)call.Agent ?? DBNull.Value });
            command.Parameters.Add(new() { Value = call.Answered ? queuedAt!.Value.AddMilliseconds(call.WaitMs ?? 0) : DBNull.Value });
            command.Parameters.Add(new() { Value = (object?)call.WaitMs ?? DBNull.Value });
            command.Parameters.Add(new() { Value = (object?)call.TalkMs ?? DBNull.Value });
            command.Parameters.Add(new() { Value = (object?)call.WrapUpMs ?? DBNull.Value });
            command.Parameters.Add(new() { Value = call.Outcome });
            command.Parameters.Add(new() { Value = (object?)call.Survey ?? DBNull.Value });
            command.Parameters.Add(new() { Value = call.CallbackRequested });
            command.Parameters.Add(new() { Value = call.CallbackMade });
            command.Parameters.Add(new() { Value = call.IsCallback });
            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task InsertAgentsAsync(NpgsqlDataSource dataSource, params string[] agents)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var agent in agents)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO acd_agents (id, extension, name) VALUES ($1, $1, $1) ON CONFLICT DO NOTHING", connection);
            command.Parameters.Add(new() { Value = agent });
            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task InsertAgentLogAsync(NpgsqlDataSource dataSource, string agent, DateTimeOffset at, string kind, string value)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO acd_agent_status_log (agent_id, at, kind, value) VALUES ($1, $2, $3, $4)");
        command.Parameters.Add(new() { Value = agent });
        command.Parameters.Add(new() { Value = at });
        command.Parameters.Add(new() { Value = kind });
        command.Parameters.Add(new() { Value = value });
        await command.ExecuteNonQueryAsync();
    }
}
