namespace Telephony.Recording.Sampling;

/// <summary>
/// The pure part of weekly sampling. Per agent: every call rated 1 or 2 by the citizen, plus <c>perAgent</c> others picked
/// at random, stratified — the agent's calls are grouped by (queue, language), each group shuffled, and picks taken from the
/// groups in turn, so every stratum the agent worked is represented before any gives a second call. Evaluators are dealt
/// the picks in turn. The same input and seed give the same plan.
/// </summary>
public static class SamplingPlan
{
    public static IReadOnlyList<EvaluationAssignment> Build(
        DateOnly weekStart, IReadOnlyList<SamplingCandidate> candidates, IReadOnlyList<string> evaluatorIds, int perAgent, int seed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(evaluatorIds);
        ArgumentOutOfRangeException.ThrowIfNegative(perAgent);
        if (evaluatorIds.Count == 0)
        {
            throw new ArgumentException("At least one evaluator is needed.", nameof(evaluatorIds));
        }

        var random = new Random(seed);
        var picks = new List<(SamplingCandidate Candidate, SamplingReason Reason)>();
        foreach (var agent in candidates.GroupBy(c => c.AgentId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = agent.OrderBy(c => c.RecordingId).ToList();
            picks.AddRange(ordered.Where(IsLowSurvey).Select(c => (c, SamplingReason.LowSurvey)));
            var strata = ordered
                .Where(c => !IsLowSurvey(c))
                .GroupBy(c => (c.QueueId, c.Language))
                .OrderBy(g => g.Key.QueueId, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Language, StringComparer.Ordinal)
                .Select(g => new Queue<SamplingCandidate>(Shuffle(g.ToArray(), random)))
                .ToList();
            var taken = 0;
            while (taken < perAgent && strata.Any(s => s.Count > 0))
            {
                foreach (var stratum in strata.Where(s => s.Count > 0))
                {
                    if (taken == perAgent)
                    {
                        break;
                    }

                    picks.Add((stratum.Dequeue(), SamplingReason.Random));
                    taken++;
                }
            }
        }

        return [.. picks.Select((p, i) => new EvaluationAssignment(weekStart, evaluatorIds[i % evaluatorIds.Count], p.Candidate.RecordingId, p.Candidate.AgentId, p.Reason))];
    }

    private static bool IsLowSurvey(SamplingCandidate candidate) => candidate.SurveyScore is 1 or 2;

    private static SamplingCandidate[] Shuffle(SamplingCandidate[] items, Random random)
    {
        // Not for security: a seeded, reproducible sample is the point.
#pragma warning disable CA5394
        random.Shuffle(items);
#pragma warning restore CA5394
        return items;
    }
}
