using Telephony.Recording.Scoring;

namespace Telephony.Host.Recording;

/// <summary>One answer in the API: <c>kind</c> is yes, no, na or scale (then <c>value</c> 1–5).</summary>
public sealed record AnswerDocument(string Kind, int? Value)
{
    public static AnswerDocument From(CriterionAnswer answer) => answer.Kind switch
    {
        AnswerKind.Yes => new("yes", null),
        AnswerKind.No => new("no", null),
        AnswerKind.Scale => new("scale", answer.Value),
        _ => new("na", null),
    };

    public CriterionAnswer ToAnswer() => Kind switch
    {
        "yes" => CriterionAnswer.Yes,
        "no" => CriterionAnswer.No,
        "na" => CriterionAnswer.NotApplicable,
        "scale" when Value is >= 1 and <= 5 => CriterionAnswer.OnScale(Value.Value),
        _ => throw new ArgumentException($"An answer is yes, no, na or scale with a value 1–5, not '{Kind}' / {Value}.", nameof(Kind)),
    };
}
