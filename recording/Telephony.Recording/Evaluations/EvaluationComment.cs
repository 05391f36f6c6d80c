namespace Telephony.Recording.Evaluations;

/// <summary>A comment pinned to a moment of the recording (<paramref name="AtMs"/> from its start).</summary>
public sealed record EvaluationComment(Guid EvaluationId, long AtMs, string Author, string Body, DateTimeOffset CreatedAt);
