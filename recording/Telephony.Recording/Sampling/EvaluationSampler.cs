using Npgsql;

namespace Telephony.Recording.Sampling;

/// <summary>
/// Builds the week's evaluation assignments from the recorded conversations of that week (UTC, seven days from
/// <c>weekStart</c>) and the citizens' survey scores in <c>call_records</c> (the ACD's table, joined on <c>call_id</c>), and stores
/// them in <c>evaluation_assignments</c>. Running it again for the same week adds nothing already assigned.
/// </summary>
public sealed class EvaluationSampler
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;

    public EvaluationSampler(NpgsqlDataSource dataSource, TimeProvider timeProvider)
    {
        _dataSource = dataSource;
        _timeProvider = timeProvider;
    }

    public async Task<IReadOnlyList<EvaluationAssignment>> AssignWeekAsync(
        DateOnly weekStart, IReadOnlyList<string> evaluatorIds, int perAgent, int seed, CancellationToken cancellationToken)
    {
        var from = weekStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var command = _dataSource.CreateCommand(
            "SELECT r.id, r.agent_id, COALESCE(r.queue_id, ''), COALESCE(r.language, ''), c.survey_score FROM recordings r " +
            "LEFT JOIN call_records c ON c.id = r.call_id " +
            "WHERE r.kind = 'conversation' AND r.status IN ('complete', 'interrupted') AND r.deleted_at IS NULL AND r.agent_id IS NOT NULL " +
            "AND r.started_at >= $1 AND r.started_at < $2");
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = from.AddDays(7) });
        var candidates = new List<SamplingCandidate>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new SamplingCandidate(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt16(4)));
            }
        }

        var plan = SamplingPlan.Build(weekStart, candidates, evaluatorIds, perAgent, seed);
        await SaveAsync(plan, cancellationToken);
        return plan;
    }

    /// <summary>Assigns one recording to several evaluators for calibration.</summary>
    public async Task<IReadOnlyList<EvaluationAssignment>> AssignCalibrationAsync(
        DateOnly weekStart, Guid recordingId, string agentId, IReadOnlyList<string> evaluatorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluatorIds);
        var plan = evaluatorIds.Distinct(StringComparer.Ordinal).Select(e => new EvaluationAssignment(weekStart, e, recordingId, agentId, SamplingReason.Calibration)).ToList();
        await SaveAsync(plan, cancellationToken);
        return plan;
    }

    private async Task SaveAsync(IReadOnlyList<EvaluationAssignment> plan, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var assignment in plan)
        {
            var command = new NpgsqlBatchCommand(
                "INSERT INTO evaluation_assignments (week_start, evaluator_id, recording_id, agent_id, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6) " +
                "ON CONFLICT (week_start, recording_id, evaluator_id) DO NOTHING");
            command.Parameters.Add(new NpgsqlParameter { Value = assignment.WeekStart });
            command.Parameters.Add(new NpgsqlParameter { Value = assignment.EvaluatorId });
            command.Parameters.Add(new NpgsqlParameter { Value = assignment.RecordingId });
            command.Parameters.Add(new NpgsqlParameter { Value = assignment.AgentId });
            command.Parameters.Add(new NpgsqlParameter { Value = assignment.Reason switch { SamplingReason.LowSurvey => "low-survey", SamplingReason.Calibration => "calibration", _ => "random" } });
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
