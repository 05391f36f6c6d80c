namespace Telephony.Recording.Sampling;

/// <summary>One evaluator is to score one recording in the week starting <paramref name="WeekStart"/>.</summary>
public sealed record EvaluationAssignment(DateOnly WeekStart, string EvaluatorId, Guid RecordingId, string AgentId, SamplingReason Reason);
