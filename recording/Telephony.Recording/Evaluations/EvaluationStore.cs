using Npgsql;
using Telephony.Recording.Scoring;

namespace Telephony.Recording.Evaluations;

/// <summary>
/// Evaluations and their comments. Answers change only in draft; submitting computes the score from the scorecard version
/// with <see cref="ScoreCalculator"/>; every status change goes through <see cref="EvaluationWorkflow"/> and is applied only if the
/// row is still in the status it was read in (two people acting at once: the second gets an <see cref="EvaluationTransitionException"/>).
/// </summary>
public sealed class EvaluationStore
{
    private const string Columns =
        "id, recording_id, form_id, form_version, evaluator_id, answers::text, score, status, dispute_reason, resolution, resolved_by, created_at, submitted_at";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ScorecardStore _scorecards;
    private readonly TimeProvider _timeProvider;

    public EvaluationStore(NpgsqlDataSource dataSource, ScorecardStore scorecards, TimeProvider timeProvider)
    {
        _dataSource = dataSource;
        _scorecards = scorecards;
        _timeProvider = timeProvider;
    }

    /// <summary>Starts a draft evaluation; the form version must be published (checked here and by a trigger).</summary>
    public async Task<Evaluation> CreateDraftAsync(Guid recordingId, string formId, int formVersion, string evaluatorId, CancellationToken cancellationToken)
    {
        var form = await _scorecards.GetAsync(formId, formVersion, cancellationToken);
        if (form is not { IsPublished: true })
        {
            throw new InvalidOperationException($"Scorecard {formId} version {formVersion} is not published.");
        }

        var now = _timeProvider.GetUtcNow();
        var evaluation = new Evaluation(Guid.CreateVersion7(now), recordingId, formId, formVersion, evaluatorId, new Dictionary<string, CriterionAnswer>(), null, EvaluationStatus.Draft, null, null, null, now, null);
        await ExecuteAsync(
            "INSERT INTO evaluations (id, recording_id, form_id, form_version, evaluator_id, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'draft', $6, $6)",
            cancellationToken,
            evaluation.Id,
            recordingId,
            formId,
            formVersion,
            evaluatorId,
            now.UtcDateTime);
        return evaluation;
    }

    /// <summary>Replaces a draft's answers.</summary>
    public async Task SaveAnswersAsync(Guid id, IReadOnlyDictionary<string, CriterionAnswer> answers, CancellationToken cancellationToken)
    {
        var changed = await ExecuteAsync(
            "UPDATE evaluations SET answers = $2::jsonb, updated_at = $3 WHERE id = $1 AND status = 'draft'",
            cancellationToken,
            id,
            ScorecardJson.Write(answers),
            _timeProvider.GetUtcNow().UtcDateTime);
        if (changed == 0)
        {
            throw new EvaluationTransitionException($"Evaluation {id} is not a draft; its answers are frozen.");
        }
    }

    /// <summary>Submits a draft: every criterion must be answered; the score is computed and stored.</summary>
    public async Task<Evaluation> SubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        var evaluation = await RequireAsync(id, cancellationToken);
        EvaluationWorkflow.Next(evaluation.Status, EvaluationAction.Submit);
        var form = (await _scorecards.GetAsync(evaluation.FormId, evaluation.FormVersion, cancellationToken))!;
        var score = ScoreCalculator.Compute(form.Definition, evaluation.Answers).Score;
        var now = _timeProvider.GetUtcNow();
        await TransitionAsync(id, EvaluationStatus.Draft, EvaluationStatus.Submitted, "score = $4, submitted_at = $5", cancellationToken, (object?)score ?? DBNull.Value, now.UtcDateTime);
        return evaluation with { Score = score, Status = EvaluationStatus.Submitted, SubmittedAt = now };
    }

    public Task AcknowledgeAsync(Guid id, CancellationToken cancellationToken) =>
        ApplyAsync(id, EvaluationAction.Acknowledge, null, cancellationToken);

    public Task DisputeAsync(Guid id, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ApplyAsync(id, EvaluationAction.Dispute, ("dispute_reason = $4", [reason]), cancellationToken);
    }

    public Task ResolveAsync(Guid id, string supervisorId, string resolution, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(supervisorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(resolution);
        return ApplyAsync(id, EvaluationAction.Resolve, ("resolution = $4, resolved_by = $5", [resolution, supervisorId]), cancellationToken);
    }

    public async Task AddCommentAsync(EvaluationComment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentOutOfRangeException.ThrowIfNegative(comment.AtMs);
        await ExecuteAsync(
            "INSERT INTO evaluation_comments (evaluation_id, at_ms, author, body, created_at) VALUES ($1, $2, $3, $4, $5)",
            cancellationToken,
            comment.EvaluationId,
            comment.AtMs,
            comment.Author,
            comment.Body,
            comment.CreatedAt.UtcDateTime);
    }

    public async Task<IReadOnlyList<EvaluationComment>> ListCommentsAsync(Guid evaluationId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT at_ms, author, body, created_at FROM evaluation_comments WHERE evaluation_id = $1 ORDER BY at_ms, id");
        command.Parameters.Add(new NpgsqlParameter { Value = evaluationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<EvaluationComment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new EvaluationComment(evaluationId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Utc(reader.GetDateTime(3))));
        }

        return list;
    }

    public async Task<Evaluation?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM evaluations WHERE id = $1", cancellationToken, id)).FirstOrDefault();

    /// <summary>Every submitted (or later) evaluation of a recording: calibration's input.</summary>
    public Task<List<Evaluation>> ListSubmittedForRecordingAsync(Guid recordingId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM evaluations WHERE recording_id = $1 AND status <> 'draft' ORDER BY evaluator_id", cancellationToken, recordingId);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private async Task ApplyAsync(Guid id, EvaluationAction action, (string Set, object[] Values)? extra, CancellationToken cancellationToken)
    {
        var evaluation = await RequireAsync(id, cancellationToken);
        var next = EvaluationWorkflow.Next(evaluation.Status, action);
        await TransitionAsync(id, evaluation.Status, next, extra?.Set, cancellationToken, extra?.Values ?? []);
    }

    private async Task TransitionAsync(Guid id, EvaluationStatus from, EvaluationStatus to, string? set, CancellationToken cancellationToken, params object[] values)
    {
        var sql = $"UPDATE evaluations SET status = $3, updated_at = now(){(set is null ? string.Empty : ", " + set)} WHERE id = $1 AND status = $2";
        var changed = await ExecuteAsync(sql, cancellationToken, [id, EvaluationWorkflow.Text(from), EvaluationWorkflow.Text(to), .. values]);
        if (changed == 0)
        {
            throw new EvaluationTransitionException($"Evaluation {id} changed status meanwhile; it is no longer {from}.");
        }
    }

    private async Task<Evaluation> RequireAsync(Guid id, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"No evaluation {id}.");

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<Evaluation>> QueryAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Evaluation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Evaluation(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetString(4),
                ScorecardJson.Read<Dictionary<string, CriterionAnswer>>(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetDouble(6),
                EvaluationWorkflow.Parse(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                Utc(reader.GetDateTime(11)),
                reader.IsDBNull(12) ? null : Utc(reader.GetDateTime(12))));
        }

        return list;
    }
}
