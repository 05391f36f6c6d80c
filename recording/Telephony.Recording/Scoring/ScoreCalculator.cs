namespace Telephony.Recording.Scoring;

/// <summary>
/// The evaluation score: Σ weight × normalised answer over Σ weight of the applicable criteria (not-applicable answers
/// leave the denominator); a failed critical criterion (no, or 1 on a scale) makes the score 0. Pure.
/// </summary>
public static class ScoreCalculator
{
    /// <summary>Scores <paramref name="answers"/> (criterion id → answer) against <paramref name="definition"/>; every criterion must be answered.</summary>
    public static ScoreResult Compute(ScorecardDefinition definition, IReadOnlyDictionary<string, CriterionAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        double earned = 0;
        double applicable = 0;
        var failedCritical = new List<string>();
        foreach (var criterion in definition.Criteria)
        {
            if (!answers.TryGetValue(criterion.Id, out var answer))
            {
                throw new ArgumentException($"Criterion '{criterion.Id}' is not answered.", nameof(answers));
            }

            CheckFits(criterion, answer);
            if (answer.Normalised is not { } value)
            {
                continue;
            }

            earned += criterion.Weight * value;
            applicable += criterion.Weight;
            if (criterion.Critical && value == 0)
            {
                failedCritical.Add(criterion.Id);
            }
        }

        var unknown = answers.Keys.FirstOrDefault(id => !definition.Criteria.Any(c => c.Id == id));
        if (unknown is not null)
        {
            throw new ArgumentException($"Answer for unknown criterion '{unknown}'.", nameof(answers));
        }

        double? score = applicable == 0 ? null : failedCritical.Count > 0 ? 0 : earned / applicable;
        return new ScoreResult(score, earned, applicable, failedCritical);
    }

    private static void CheckFits(ScorecardCriterion criterion, CriterionAnswer answer)
    {
        var fits = answer.Kind switch
        {
            AnswerKind.NotApplicable => true,
            AnswerKind.Yes or AnswerKind.No => criterion.AnswerType == AnswerType.YesNo,
            AnswerKind.Scale => criterion.AnswerType == AnswerType.Scale && answer.Value is >= 1 and <= 5,
            _ => false,
        };
        if (!fits)
        {
            throw new ArgumentException($"Answer {answer.Kind} does not fit criterion '{criterion.Id}' ({criterion.AnswerType}).", nameof(answer));
        }
    }
}
