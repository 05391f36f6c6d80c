using Npgsql;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Records;

/// <summary>Writes queue events in order, one multi-row INSERT per batch; an event already stored (same event_id) is skipped.</summary>
internal sealed class QueueEventSink(NpgsqlDataSource dataSource) : IRecordSink<QueueEvent>
{
    public async Task WriteAsync(IReadOnlyList<QueueEvent> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            INSERT INTO acd_queue_events (event_id, at, call_id, queue_id, event, agent_id, host_id, detail)
            SELECT event_id, at, call_id, queue_id, event, agent_id, host_id, detail::jsonb
            FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY
                AS u (event_id, at, call_id, queue_id, event, agent_id, host_id, detail, n)
            ORDER BY n
            ON CONFLICT (event_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = records.Select(r => r.EventId).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.At).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.CallId).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.QueueId).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => RecordWords.Of(r.Event)).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.AgentId).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.HostId).ToArray() });
        command.Parameters.Add(new() { Value = records.Select(r => r.DetailJson).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
