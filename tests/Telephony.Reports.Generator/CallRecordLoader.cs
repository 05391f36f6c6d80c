using Npgsql;
using NpgsqlTypes;

namespace Telephony.Reports.Generator;

/// <summary>Loads generated history with binary COPY: call_records, the agents, and each agent's working-day log-ins.</summary>
public static class CallRecordLoader
{
    public static async Task ResetAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "TRUNCATE call_records, acd_queue_events, acd_agent_status_log, report_interval_stats, report_files, reports CASCADE");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long> LoadCallsAsync(NpgsqlDataSource dataSource, IEnumerable<SyntheticCall> calls, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync("""
            COPY call_records (id, sip_call_id, host_id, caller, dialed, started_at, answered_at, ended_at, language, topic,
                ivr_exit_node, queue_id, queued_at, agent_id, agent_answered_at, wait_ms, talk_ms, wrap_up_ms, outcome,
                short_abandon, survey_score, callback_requested, callback_made) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        long rows = 0;
        foreach (var call in calls)
        {
            var queuedAt = call.Queue is null ? (DateTimeOffset?)null : call.StartedAt.AddSeconds(30);
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(call.Id, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(call.Id.ToString("N"), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync("gen", NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync("+99450" + (rows % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync("100", NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(call.StartedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(call.StartedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(call.EndedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(importer, call.Language, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, call.Topic, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, call.IvrExitNode, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, call.Queue, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, queuedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(importer, call.Agent, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, call.Agent is null ? null : queuedAt?.AddMilliseconds(call.WaitMs ?? 0), NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(importer, call.WaitMs, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(importer, call.TalkMs, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(importer, call.WrapUpMs, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(call.Outcome, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(call.ShortAbandon, NpgsqlDbType.Boolean, cancellationToken);
            await WriteNullableAsync(importer, call.Survey, NpgsqlDbType.Smallint, cancellationToken);
            await importer.WriteAsync(call.CallbackRequested, NpgsqlDbType.Boolean, cancellationToken);
            await importer.WriteAsync(call.CallbackMade, NpgsqlDbType.Boolean, cancellationToken);
            rows++;
        }

        await importer.CompleteAsync(cancellationToken);
        return rows;
    }

    /// <summary>The agents, logged in 09:00–18:00 local on every weekday of the year, so occupancy has a base.</summary>
    public static async Task LoadAgentsAsync(NpgsqlDataSource dataSource, int year, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        for (var a = 0; a < SyntheticHistory.Agents; a++)
        {
            await using var agent = new NpgsqlCommand("INSERT INTO acd_agents (id, extension, name) VALUES ($1, $1, $1) ON CONFLICT DO NOTHING", connection);
            agent.Parameters.Add(new() { Value = SyntheticHistory.AgentId(a) });
            await agent.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY acd_agent_status_log (agent_id, at, kind, value) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var (hour, value) in new[] { (9, "available"), (18, "loggedOut") })
            {
                var local = day.ToDateTime(new TimeOnly(hour, 0));
                var at = new DateTimeOffset(local, timeZone.GetUtcOffset(local)).ToUniversalTime();
                for (var a = 0; a < SyntheticHistory.Agents; a++)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(SyntheticHistory.AgentId(a), NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                    await importer.WriteAsync("status", NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? importer.WriteAsync(v, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is not null ? importer.WriteAsync(value, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
