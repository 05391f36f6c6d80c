using Telephony.Recording.Evaluations;
using Telephony.Recording.Scoring;

namespace Telephony.Recording.Sampling;

/// <summary>
/// Calibration: the same recording scored by several evaluators, summarised per criterion as min, max and (population)
/// standard deviation of the normalised answers. A criterion nobody found applicable is left out. Pure.
/// </summary>
public static class Calibration
{
    public static IReadOnlyList<CriterionSpread> Spread(ScorecardDefinition definition, IReadOnlyList<Evaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(evaluations);
        var spreads = new List<CriterionSpread>();
        foreach (var criterion in definition.Criteria)
        {
            var values = evaluations
                .Select(e => e.Answers.TryGetValue(criterion.Id, out var answer) ? answer.Normalised : null)
                .OfType<double>()
                .ToList();
            if (values.Count == 0)
            {
                continue;
            }

            var mean = values.Average();
            var deviation = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
            spreads.Add(new CriterionSpread(criterion.Id, values.Count, values.Min(), values.Max(), deviation));
        }

        return spreads;
    }
}
