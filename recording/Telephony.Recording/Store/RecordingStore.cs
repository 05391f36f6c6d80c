using System.Net;
using Dapper;
using Npgsql;

namespace Telephony.Recording.Store;

/// <summary>PostgreSQL access to <c>recordings</c>, <c>recording_access_log</c> and <c>recording_retention</c>.</summary>
public sealed class RecordingStore
{
    private const string Columns =
        "id, call_id, kind, host_id, agent_id, queue_id, language, started_at, duration_ms, talk_ms, size_bytes, sha256, codec, path, " +
        "status, length_mismatch, legal_hold, key_id, deleted_at";

    private readonly NpgsqlDataSource _dataSource;

    public RecordingStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task InsertAsync(RecordingRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO recordings ({Columns}) VALUES (@Id, @CallId, @Kind, @HostId, @AgentId, @QueueId, @Language, @StartedAt, @DurationMs, " +
            "@TalkMs, @SizeBytes, @Sha256, @Codec, @Path, @Status, @LengthMismatch, @LegalHold, @KeyId, @DeletedAt)",
            new
            {
                row.Id,
                row.CallId,
                Kind = KindText(row.Kind),
                row.HostId,
                row.AgentId,
                row.QueueId,
                row.Language,
                StartedAt = row.StartedAt.UtcDateTime,
                row.DurationMs,
                row.TalkMs,
                row.SizeBytes,
                row.Sha256,
                row.Codec,
                row.Path,
                Status = StatusText(row.Status),
                row.LengthMismatch,
                row.LegalHold,
                row.KeyId,
                DeletedAt = row.DeletedAt?.UtcDateTime,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Writes the finished facts; only a row still <c>recording</c> changes. Returns false when none did.</summary>
    public async Task<bool> FinishAsync(Guid id, RecordingFinish finish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finish);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE recordings SET status = @Status, duration_ms = @DurationMs, talk_ms = @TalkMs, size_bytes = @SizeBytes, sha256 = @Sha256, " +
            "codec = @Codec, length_mismatch = @LengthMismatch, path = @Path, key_id = @KeyId WHERE id = @Id AND status = 'recording'",
            new
            {
                Id = id,
                Status = StatusText(finish.Status),
                finish.DurationMs,
                finish.TalkMs,
                finish.SizeBytes,
                finish.Sha256,
                finish.Codec,
                finish.LengthMismatch,
                finish.Path,
                finish.KeyId,
            },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task<RecordingRow?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM recordings WHERE id = $1", cancellationToken, id);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Rows this host left in <c>recording</c>: at start-up, the ones a killed process never finished.</summary>
    public Task<IReadOnlyList<RecordingRow>> ListOpenAsync(string hostId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM recordings WHERE status = 'recording' AND host_id = $1 ORDER BY started_at", cancellationToken, hostId);

    /// <summary>Undeleted, unheld, finished recordings older than their queue's retention (or <paramref name="defaultDays"/>).</summary>
    public Task<IReadOnlyList<RecordingRow>> ListExpiredAsync(DateTimeOffset now, int defaultDays, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {string.Join(", ", Columns.Split(", ").Select(c => "r." + c))} FROM recordings r " +
            "LEFT JOIN recording_retention p ON p.queue_id = r.queue_id " +
            "WHERE r.deleted_at IS NULL AND NOT r.legal_hold AND r.status <> 'recording' " +
            "AND r.started_at < $1 - make_interval(days => COALESCE(p.days, $2)) ORDER BY r.started_at",
            cancellationToken,
            now.UtcDateTime,
            defaultDays);

    public async Task<bool> MarkDeletedAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE recordings SET deleted_at = @At WHERE id = @Id AND deleted_at IS NULL AND NOT legal_hold",
            new { Id = id, At = at.UtcDateTime },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task SetLegalHoldAsync(Guid id, bool hold, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE recordings SET legal_hold = @Hold WHERE id = @Id", new { Id = id, Hold = hold }, cancellationToken: cancellationToken));
    }

    public async Task SetRetentionAsync(string queueId, int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO recording_retention (queue_id, days) VALUES (@QueueId, @Days) ON CONFLICT (queue_id) DO UPDATE SET days = EXCLUDED.days",
            new { QueueId = queueId, Days = days },
            cancellationToken: cancellationToken));
    }

    public async Task LogAccessAsync(RecordingAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO recording_access_log (recording_id, at, user_name, action, source_ip) VALUES ($1, $2, $3, $4, $5)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = access.RecordingId });
        command.Parameters.Add(new NpgsqlParameter { Value = access.At.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = access.User });
        command.Parameters.Add(new NpgsqlParameter { Value = access.Action == RecordingAccessAction.Play ? "play" : "download" });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)access.SourceIp ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Inet });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RecordingAccess>> ListAccessAsync(Guid recordingId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT at, user_name, action, source_ip FROM recording_access_log WHERE recording_id = $1 ORDER BY at, id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = recordingId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<RecordingAccess>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(MapAccess(recordingId, reader));
        }

        return list;
    }

    internal static string StatusText(RecordingStatus status) => status switch
    {
        RecordingStatus.Recording => "recording",
        RecordingStatus.Complete => "complete",
        RecordingStatus.Interrupted => "interrupted",
        RecordingStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static RecordingStatus ParseStatus(string text) => text switch
    {
        "recording" => RecordingStatus.Recording,
        "complete" => RecordingStatus.Complete,
        "interrupted" => RecordingStatus.Interrupted,
        "skipped" => RecordingStatus.Skipped,
        _ => throw new InvalidDataException($"Unknown recording status '{text}'."),
    };

    private static string KindText(RecordingKind kind) => kind == RecordingKind.Voicemail ? "voicemail" : "conversation";

    private async Task<IReadOnlyList<RecordingRow>> QueryAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<RecordingRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(MapRow(reader));
        }

        return rows;
    }

    // Rows are read after ReadAsync in the default (buffered) mode, so reading columns does no I/O.
    private static RecordingRow MapRow(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        CallId = reader.GetGuid(1),
        Kind = reader.GetString(2) == "voicemail" ? RecordingKind.Voicemail : RecordingKind.Conversation,
        HostId = reader.GetString(3),
        AgentId = reader.IsDBNull(4) ? null : reader.GetString(4),
        QueueId = reader.IsDBNull(5) ? null : reader.GetString(5),
        Language = reader.IsDBNull(6) ? null : reader.GetString(6),
        StartedAt = Utc(reader.GetDateTime(7)),
        DurationMs = reader.IsDBNull(8) ? null : reader.GetInt64(8),
        TalkMs = reader.IsDBNull(9) ? null : reader.GetInt64(9),
        SizeBytes = reader.IsDBNull(10) ? null : reader.GetInt64(10),
        Sha256 = reader.IsDBNull(11) ? null : reader.GetString(11),
        Codec = reader.IsDBNull(12) ? null : reader.GetString(12),
        Path = reader.GetString(13),
        Status = ParseStatus(reader.GetString(14)),
        LengthMismatch = reader.GetBoolean(15),
        LegalHold = reader.GetBoolean(16),
        KeyId = reader.IsDBNull(17) ? null : reader.GetString(17),
        DeletedAt = reader.IsDBNull(18) ? null : Utc(reader.GetDateTime(18)),
    };

    private static RecordingAccess MapAccess(Guid recordingId, NpgsqlDataReader reader) => new(
        recordingId,
        Utc(reader.GetDateTime(0)),
        reader.GetString(1),
        reader.GetString(2) == "play" ? RecordingAccessAction.Play : RecordingAccessAction.Download,
        reader.IsDBNull(3) ? null : (IPAddress)reader.GetValue(3));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
