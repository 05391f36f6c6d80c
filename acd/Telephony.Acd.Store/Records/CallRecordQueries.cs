using Npgsql;

namespace Telephony.Acd.Store.Records;

/// <summary>Reads of call_records for the API and the agent's call card. Newest first; agents shown by extension.</summary>
public sealed class CallRecordQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Most this store returns in one answer, whatever the caller asks.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Calls that started at or after <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<CallSummary>> SinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand("""
            SELECT c.id, c.sip_call_id, c.caller, c.started_at, c.language, c.ivr_path, c.queue_id, coalesce(a.extension, c.agent_id),
                   c.wait_ms, c.talk_ms, c.outcome, c.recording_id, c.ivr_tree_id, c.ivr_tree_version
            FROM call_records c LEFT JOIN acd_agents a ON a.id = c.agent_id
            WHERE c.started_at >= $1
            ORDER BY c.started_at DESC, c.id DESC
            LIMIT $2
            """);
        command.Parameters.Add(new() { Value = since });
        command.Parameters.Add(new() { Value = Math.Min(limit, MaxLimit) });
        var calls = new List<CallSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            calls.Add(new CallSummary(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                await reader.GetFieldValueAsync<DateTimeOffset>(3, cancellationToken),
                await NullableStringAsync(reader, 4, cancellationToken),
                await reader.GetFieldValueAsync<string[]>(5, cancellationToken),
                await NullableStringAsync(reader, 6, cancellationToken),
                await NullableStringAsync(reader, 7, cancellationToken),
                await SecondsAsync(reader, 8, cancellationToken),
                await SecondsAsync(reader, 9, cancellationToken),
                reader.GetString(10),
                await reader.IsDBNullAsync(11, cancellationToken) ? null : reader.GetGuid(11),
                await NullableStringAsync(reader, 12, cancellationToken),
                await reader.IsDBNullAsync(13, cancellationToken) ? null : reader.GetInt32(13)));
        }

        return calls;
    }

    /// <summary>The caller's calls, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<CallerHistoryEntry>> CallerHistoryAsync(string caller, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand("""
            SELECT c.id, c.started_at, c.topic, c.queue_id, coalesce(a.extension, c.agent_id), c.outcome, c.disposition, c.talk_ms
            FROM call_records c LEFT JOIN acd_agents a ON a.id = c.agent_id
            WHERE c.caller = $1
            ORDER BY c.started_at DESC, c.id DESC
            LIMIT $2
            """);
        command.Parameters.Add(new() { Value = caller });
        command.Parameters.Add(new() { Value = Math.Min(limit, MaxLimit) });
        var calls = new List<CallerHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            calls.Add(new CallerHistoryEntry(
                reader.GetGuid(0),
                await reader.GetFieldValueAsync<DateTimeOffset>(1, cancellationToken),
                await NullableStringAsync(reader, 2, cancellationToken),
                await NullableStringAsync(reader, 3, cancellationToken),
                await NullableStringAsync(reader, 4, cancellationToken),
                reader.GetString(5),
                await NullableStringAsync(reader, 6, cancellationToken),
                await SecondsAsync(reader, 7, cancellationToken)));
        }

        return calls;
    }

    private static async Task<string?> NullableStringAsync(NpgsqlDataReader reader, int ordinal, CancellationToken cancellationToken) =>
        await reader.IsDBNullAsync(ordinal, cancellationToken) ? null : reader.GetString(ordinal);

    private static async Task<double?> SecondsAsync(NpgsqlDataReader reader, int ordinal, CancellationToken cancellationToken) =>
        await reader.IsDBNullAsync(ordinal, cancellationToken) ? null : reader.GetInt32(ordinal) / 1000.0;
}
