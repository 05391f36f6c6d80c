namespace Telephony.Recording.Sampling;

/// <summary>A recorded conversation eligible for evaluation, with the strata it is sampled in and the citizen's survey score.</summary>
public sealed record SamplingCandidate(Guid RecordingId, string AgentId, string QueueId, string Language, int? SurveyScore);
