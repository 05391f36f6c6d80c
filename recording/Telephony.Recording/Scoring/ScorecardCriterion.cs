namespace Telephony.Recording.Scoring;

/// <summary>
/// One question of a scorecard. <paramref name="Id"/> is stable across versions so calibration can compare it.
/// A <paramref name="Critical"/> criterion that fails (answered no, or 1 on a scale) makes the whole evaluation score 0.
/// </summary>
public sealed record ScorecardCriterion(string Id, string Text, double Weight, AnswerType AnswerType, bool Critical);
