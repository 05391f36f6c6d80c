using Telephony.Recording.Evaluations;

namespace Telephony.Host.Recording;

/// <summary>An evaluation as the pages show it, with the recording it scores and, when asked for, the scorecard it used.</summary>
public sealed record EvaluationView(
    Guid Id,
    Guid RecordingId,
    string FormId,
    int FormVersion,
    string Evaluator,
    IReadOnlyDictionary<string, AnswerDocument> Answers,
    double? Score,
    string Status,
    string? DisputeReason,
    string? Resolution,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt)
{
    public RecordingListItem? Recording { get; init; }

    public ScorecardDocument? Scorecard { get; init; }

    public static EvaluationView From(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return new(
            evaluation.Id,
            evaluation.RecordingId,
            evaluation.FormId,
            evaluation.FormVersion,
            evaluation.EvaluatorId,
            evaluation.Answers.ToDictionary(a => a.Key, a => AnswerDocument.From(a.Value), StringComparer.Ordinal),
            evaluation.Score,
            evaluation.Status.ToString().ToLowerInvariant(),
            evaluation.DisputeReason,
            evaluation.Resolution,
            evaluation.CreatedAt,
            evaluation.SubmittedAt);
    }
}
