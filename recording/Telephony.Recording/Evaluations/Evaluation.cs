using Telephony.Recording.Scoring;

namespace Telephony.Recording.Evaluations;

/// <summary>One evaluator's scoring of one recording against one published scorecard version.</summary>
public sealed record Evaluation(
    Guid Id,
    Guid RecordingId,
    string FormId,
    int FormVersion,
    string EvaluatorId,
    IReadOnlyDictionary<string, CriterionAnswer> Answers,
    double? Score,
    EvaluationStatus Status,
    string? DisputeReason,
    string? Resolution,
    string? ResolvedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt);
