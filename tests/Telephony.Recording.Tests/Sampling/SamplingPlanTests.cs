using Telephony.Recording.Evaluations;
using Telephony.Recording.Sampling;
using Telephony.Recording.Scoring;

namespace Telephony.Recording.Tests.Sampling;

public sealed class SamplingPlanTests
{
    private static readonly DateOnly Week = new(2026, 11, 23);

    [Fact]
    public void Plan_takes_one_call_from_every_stratum_before_a_second_from_any()
    {
        // Agent 1001: 10 calls in (transfers, az), 1 in (transfers, ru), 1 in (pensions, az). N = 3 → one from each stratum.
        var candidates = Calls("1001", "transfers", "az", 10).Concat(Calls("1001", "transfers", "ru", 1)).Concat(Calls("1001", "pensions", "az", 1)).ToList();

        var plan = SamplingPlan.Build(Week, candidates, ["qa1"], perAgent: 3, seed: 42);

        var strata = plan.Select(a => candidates.Single(c => c.RecordingId == a.RecordingId)).Select(c => (c.QueueId, c.Language)).ToHashSet();
        Assert.Equal(3, plan.Count);
        Assert.Equal(3, strata.Count);
    }

    [Fact]
    public void Plan_adds_every_low_survey_call_beyond_the_random_n()
    {
        var candidates = Calls("1002", "q", "az", 6).ToList();
        candidates[0] = candidates[0] with { SurveyScore = 1 };
        candidates[1] = candidates[1] with { SurveyScore = 2 };
        candidates[2] = candidates[2] with { SurveyScore = 3 };

        var plan = SamplingPlan.Build(Week, candidates, ["qa1", "qa2"], perAgent: 2, seed: 7);

        Assert.Equal(4, plan.Count);
        Assert.Equal(
            new[] { candidates[0].RecordingId, candidates[1].RecordingId }.Order(),
            plan.Where(a => a.Reason == SamplingReason.LowSurvey).Select(a => a.RecordingId).Order());
        Assert.Equal(2, plan.Count(a => a.EvaluatorId == "qa1"));
    }

    [Fact]
    public void Plan_same_seed_same_sample_other_seed_other_sample()
    {
        var candidates = Calls("1003", "q", "ru", 40).ToList();

        var first = SamplingPlan.Build(Week, candidates, ["qa"], 5, seed: 1).Select(a => a.RecordingId);
        var again = SamplingPlan.Build(Week, candidates, ["qa"], 5, seed: 1).Select(a => a.RecordingId);
        var other = SamplingPlan.Build(Week, candidates, ["qa"], 5, seed: 2).Select(a => a.RecordingId);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Calibration_spread_per_criterion_min_max_and_standard_deviation()
    {
        var form = new ScorecardDefinition([new ScorecardSection("S", [
            new ScorecardCriterion("greet", "Greets", 1, AnswerType.YesNo, false),
            new ScorecardCriterion("tone", "Tone", 1, AnswerType.Scale, false)])]);
        var evaluations = new[]
        {
            Scored(CriterionAnswer.Yes, CriterionAnswer.OnScale(5)),
            Scored(CriterionAnswer.No, CriterionAnswer.OnScale(3)),
            Scored(CriterionAnswer.NotApplicable, CriterionAnswer.OnScale(1)),
        };

        var spread = Calibration.Spread(form, evaluations);

        // greet: values 1, 0 (n/a left out) → mean 0.5, deviations ±0.5 → σ = sqrt((0.25 + 0.25) / 2) = 0.5
        Assert.Equal(new CriterionSpread("greet", 2, 0, 1, 0.5), spread[0]);

        // tone: 5, 3, 1 → 1, 0.5, 0 → mean 0.5, σ = sqrt((0.25 + 0 + 0.25) / 3) = sqrt(1/6) = 0.408248…
        Assert.Equal(3, spread[1].Answers);
        Assert.Equal(0, spread[1].Min);
        Assert.Equal(1, spread[1].Max);
        Assert.Equal(0.4082482905, spread[1].StandardDeviation, 9);
    }

    private static Evaluation Scored(CriterionAnswer greet, CriterionAnswer tone) => new(
        Guid.NewGuid(), Guid.Empty, "f", 1, "qa", new Dictionary<string, CriterionAnswer> { ["greet"] = greet, ["tone"] = tone },
        null, EvaluationStatus.Submitted, null, null, null, DateTimeOffset.UnixEpoch, null);

    private static IEnumerable<SamplingCandidate> Calls(string agent, string queue, string language, int count) =>
        Enumerable.Range(0, count).Select(_ => new SamplingCandidate(Guid.NewGuid(), agent, queue, language, null));
}
