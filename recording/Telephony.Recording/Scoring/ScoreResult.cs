namespace Telephony.Recording.Scoring;

/// <summary>
/// A computed evaluation score: <see cref="Score"/> is 0–1 (null when every criterion was not applicable);
/// <see cref="EarnedWeight"/> over <see cref="ApplicableWeight"/> before the critical rule.
/// </summary>
public sealed record ScoreResult(double? Score, double EarnedWeight, double ApplicableWeight, IReadOnlyList<string> FailedCritical)
{
    public bool CriticalFailed => FailedCritical.Count > 0;
}
