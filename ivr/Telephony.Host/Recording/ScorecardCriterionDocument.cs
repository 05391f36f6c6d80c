using Telephony.Recording.Scoring;

namespace Telephony.Host.Recording;

/// <summary>A criterion as the API shows and takes it: <c>answerType</c> is <c>yesNo</c> or <c>scale</c>.</summary>
public sealed record ScorecardCriterionDocument(string Id, string Text, double Weight, string AnswerType, bool Critical)
{
    public static ScorecardCriterionDocument From(ScorecardCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return new(criterion.Id, criterion.Text, criterion.Weight, criterion.AnswerType == Telephony.Recording.Scoring.AnswerType.Scale ? "scale" : "yesNo", criterion.Critical);
    }

    public ScorecardCriterion ToCriterion() => new(
        Id,
        Text ?? string.Empty,
        Weight,
        AnswerType switch
        {
            "yesNo" => Telephony.Recording.Scoring.AnswerType.YesNo,
            "scale" => Telephony.Recording.Scoring.AnswerType.Scale,
            _ => throw new ArgumentException($"Criterion '{Id}': answer type must be yesNo or scale, not '{AnswerType}'.", nameof(AnswerType)),
        },
        Critical);
}
