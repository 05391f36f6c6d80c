using Npgsql;
using NpgsqlTypes;
using Telephony.Data.Spooling;

namespace Telephony.Acd.Store.Records;

/// <summary>
/// Writes call records in one transaction per batch: binary COPY into a temporary table, then one INSERT … ON CONFLICT
/// (id) DO NOTHING into call_records, so COPY's speed meets the replay's need to skip rows already written.
/// </summary>
internal sealed class CallRecordSink(NpgsqlDataSource dataSource) : IRecordSink<CallRecord>
{
    private const string Columns = """
        id, sip_call_id, host_id, caller, dialed, started_at, answered_at, ended_at, language, topic, ivr_path, ivr_exit_node,
        queue_id, queued_at, agent_id, agent_answered_at, wait_ms, talk_ms, wrap_up_ms, outcome, short_abandon, disposition,
        notes, survey_score, callback_requested, callback_made, is_callback, transferred_to, recording_id, rtp_packets_in,
        rtp_lost, jitter_ms, mos, ivr_tree_id, ivr_tree_version
        """;

    public async Task WriteAsync(IReadOnlyList<CallRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE call_records_load ON COMMIT DROP AS SELECT {Columns} FROM call_records WITH NO DATA", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY call_records_load ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var record in records)
            {
                await WriteRowAsync(copy, record, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO call_records ({Columns}) SELECT {Columns} FROM call_records_load ON CONFLICT (id) DO NOTHING", connection, transaction))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter copy, CallRecord r, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, cancellationToken);
        await copy.WriteAsync(r.SipCallId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(r.HostId, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(r.Caller, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(r.Dialed, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(r.StartedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteAsync(copy, r.AnsweredAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await copy.WriteAsync(r.EndedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteAsync(copy, r.Language, NpgsqlDbType.Text, cancellationToken);
        await WriteAsync(copy, r.Topic, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(r.IvrPath.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await WriteAsync(copy, r.IvrExitNode, NpgsqlDbType.Text, cancellationToken);
        await WriteAsync(copy, r.QueueId, NpgsqlDbType.Text, cancellationToken);
        await WriteAsync(copy, r.QueuedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteAsync(copy, r.AgentId, NpgsqlDbType.Text, cancellationToken);
        await WriteAsync(copy, r.AgentAnsweredAt, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteAsync(copy, r.WaitMs, NpgsqlDbType.Integer, cancellationToken);
        await WriteAsync(copy, r.TalkMs, NpgsqlDbType.Integer, cancellationToken);
        await WriteAsync(copy, r.WrapUpMs, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(RecordWords.Of(r.Outcome), NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(r.ShortAbandon, NpgsqlDbType.Boolean, cancellationToken);
        await WriteAsync(copy, r.Disposition, NpgsqlDbType.Text, cancellationToken);
        await WriteAsync(copy, r.Notes, NpgsqlDbType.Text, cancellationToken);
        await WriteAsync(copy, r.SurveyScore, NpgsqlDbType.Smallint, cancellationToken);
        await copy.WriteAsync(r.CallbackRequested, NpgsqlDbType.Boolean, cancellationToken);
        await copy.WriteAsync(r.CallbackMade, NpgsqlDbType.Boolean, cancellationToken);
        await copy.WriteAsync(r.IsCallback, NpgsqlDbType.Boolean, cancellationToken);
        await WriteAsync(copy, r.TransferredTo, NpgsqlDbType.Text, cancellationToken);
        await WriteAsync(copy, r.RecordingId, NpgsqlDbType.Uuid, cancellationToken);
        await WriteAsync(copy, r.RtpPacketsIn, NpgsqlDbType.Integer, cancellationToken);
        await WriteAsync(copy, r.RtpLost, NpgsqlDbType.Integer, cancellationToken);
        await WriteAsync(copy, r.JitterMs, NpgsqlDbType.Real, cancellationToken);
        await WriteAsync(copy, r.Mos, NpgsqlDbType.Real, cancellationToken);
        await WriteAsync(copy, r.IvrTreeId, NpgsqlDbType.Text, cancellationToken);
        await WriteAsync(copy, r.IvrTreeVersion, NpgsqlDbType.Integer, cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? copy.WriteAsync(present, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
