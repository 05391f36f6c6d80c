using Dapper;
using Npgsql;

namespace Telephony.Host.Recording;

/// <summary>The QA pages' reads across recordings, call records, evaluations and scorecards.</summary>
internal sealed class RecordingQueries(NpgsqlDataSource dataSource)
{
    public const int MaxRows = 500;

    public async Task<IReadOnlyList<RecordingListItem>> ListAsync(RecordingFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RecordingListItem>(new CommandDefinition(
            """
            SELECT r.id, r.call_id AS CallId, c.sip_call_id AS SipCallId, c.caller AS Caller, r.agent_id AS Agent, r.queue_id AS Queue,
                   r.language AS Language, r.started_at AS StartedAt, r.duration_ms AS DurationMs, r.talk_ms AS TalkMs, r.status AS Status,
                   r.length_mismatch AS LengthMismatch, r.key_id IS NOT NULL AS Encrypted, r.legal_hold AS LegalHold,
                   ev.count AS Evaluations, ev.score AS LatestScore
            FROM recordings r
            LEFT JOIN call_records c ON c.id = r.call_id
            LEFT JOIN LATERAL (
                SELECT count(*)::int AS count, (array_agg(e.score ORDER BY e.submitted_at DESC))[1] AS score
                FROM evaluations e WHERE e.recording_id = r.id AND e.status <> 'draft') ev ON true
            WHERE r.deleted_at IS NULL AND r.status IN ('complete', 'interrupted')
              AND (@From::timestamptz IS NULL OR r.started_at >= @From)
              AND (@To::timestamptz IS NULL OR r.started_at < @To)
              AND (@Agent::text IS NULL OR r.agent_id = @Agent)
              AND (@Queue::text IS NULL OR r.queue_id = @Queue)
              AND (@Caller::text IS NULL OR strpos(c.caller, @Caller) > 0)
              AND (@MinMs::bigint IS NULL OR r.duration_ms >= @MinMs)
              AND (@MaxMs::bigint IS NULL OR r.duration_ms <= @MaxMs)
              AND (@Evaluated::boolean IS NULL OR (ev.count > 0) = @Evaluated)
            ORDER BY r.started_at DESC
            LIMIT @Limit
            """,
            new
            {
                From = filter.From?.UtcDateTime,
                To = filter.To?.UtcDateTime,
                Agent = Blank(filter.Agent),
                Queue = Blank(filter.Queue),
                Caller = Blank(filter.Caller),
                MinMs = filter.MinSeconds * 1000L,
                MaxMs = filter.MaxSeconds * 1000L,
                filter.Evaluated,
                Limit = Math.Clamp(filter.Limit ?? 200, 1, MaxRows),
            },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<RecordingListItem?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RecordingListItem>(new CommandDefinition(
            """
            SELECT r.id, r.call_id AS CallId, c.sip_call_id AS SipCallId, c.caller AS Caller, r.agent_id AS Agent, r.queue_id AS Queue,
                   r.language AS Language, r.started_at AS StartedAt, r.duration_ms AS DurationMs, r.talk_ms AS TalkMs, r.status AS Status,
                   r.length_mismatch AS LengthMismatch, r.key_id IS NOT NULL AS Encrypted, r.legal_hold AS LegalHold,
                   (SELECT count(*)::int FROM evaluations e WHERE e.recording_id = r.id AND e.status <> 'draft') AS Evaluations
            FROM recordings r LEFT JOIN call_records c ON c.id = r.call_id
            WHERE r.id = @id AND r.deleted_at IS NULL
            """,
            new { id },
            cancellationToken: cancellationToken));
    }

    /// <summary>Evaluations of one recording, drafts included, oldest first.</summary>
    public Task<IReadOnlyList<Guid>> EvaluationsOfRecordingAsync(Guid recordingId, CancellationToken cancellationToken) =>
        IdsAsync("SELECT id FROM evaluations WHERE recording_id = @recordingId ORDER BY created_at", new { recordingId }, cancellationToken);

    /// <summary>What an agent may see of QA: submitted (or later) evaluations of recordings of their calls, newest first.</summary>
    public Task<IReadOnlyList<Guid>> EvaluationsOfAgentAsync(string extension, CancellationToken cancellationToken) =>
        IdsAsync(
            """
            SELECT e.id FROM evaluations e JOIN recordings r ON r.id = e.recording_id
            WHERE r.agent_id = @extension AND e.status <> 'draft' ORDER BY e.submitted_at DESC LIMIT 200
            """,
            new { extension },
            cancellationToken);

    public async Task<IReadOnlyList<ScorecardSummary>> ScorecardsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScorecardSummary>(new CommandDefinition(
            """
            SELECT DISTINCT ON (v.form_id) v.form_id AS FormId, v.name AS Name, v.version AS LatestVersion,
                   (SELECT max(p.version) FROM scorecard_versions p WHERE p.form_id = v.form_id AND p.published_at IS NOT NULL) AS PublishedVersion
            FROM scorecard_versions v ORDER BY v.form_id, v.version DESC
            """,
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<IReadOnlyList<Guid>> IdsAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Guid>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
