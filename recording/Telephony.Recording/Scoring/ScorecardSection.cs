namespace Telephony.Recording.Scoring;

/// <summary>A titled group of criteria (greeting, listening, resolution…).</summary>
public sealed record ScorecardSection(string Title, IReadOnlyList<ScorecardCriterion> Criteria);
