namespace Telephony.Recording.Sampling;

/// <summary>How far evaluators apart were on one criterion (normalised 0–1 answers; not-applicable answers left out).</summary>
public sealed record CriterionSpread(string CriterionId, int Answers, double Min, double Max, double StandardDeviation);
