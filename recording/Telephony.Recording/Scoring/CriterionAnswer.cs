namespace Telephony.Recording.Scoring;

/// <summary>An evaluator's answer to one criterion; <see cref="Value"/> is 1–5 for a scale answer, 0 otherwise.</summary>
public readonly record struct CriterionAnswer(AnswerKind Kind, int Value)
{
    public static CriterionAnswer Yes => new(AnswerKind.Yes, 0);

    public static CriterionAnswer No => new(AnswerKind.No, 0);

    public static CriterionAnswer NotApplicable => new(AnswerKind.NotApplicable, 0);

    public static CriterionAnswer OnScale(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 5);
        return new CriterionAnswer(AnswerKind.Scale, value);
    }

    /// <summary>The answer as a fraction of the criterion's weight: yes 1, no 0, scale (v − 1) / 4; null when not applicable.</summary>
    public double? Normalised => Kind switch
    {
        AnswerKind.Yes => 1,
        AnswerKind.No => 0,
        AnswerKind.Scale => (Value - 1) / 4.0,
        _ => null,
    };
}
