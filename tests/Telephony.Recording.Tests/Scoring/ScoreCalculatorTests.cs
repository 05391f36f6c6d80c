using Telephony.Recording.Scoring;

namespace Telephony.Recording.Tests.Scoring;

public sealed class ScoreCalculatorTests
{
    // greeting: yes/no, weight 2 | empathy: scale, weight 3 | resolution: yes/no, weight 5, critical | closing: scale, weight 1
    private static readonly ScorecardDefinition Form = new(
    [
        new ScorecardSection("Opening", [new ScorecardCriterion("greeting", "Greets in the caller's language", 2, AnswerType.YesNo, false)]),
        new ScorecardSection("Conversation",
        [
            new ScorecardCriterion("empathy", "Shows empathy", 3, AnswerType.Scale, false),
            new ScorecardCriterion("resolution", "Gives the correct answer", 5, AnswerType.YesNo, true),
        ]),
        new ScorecardSection("Closing", [new ScorecardCriterion("closing", "Closes properly", 1, AnswerType.Scale, false)]),
    ]);

    [Fact]
    public void Compute_weights_and_normalised_scale()
    {
        // greeting yes → 2 × 1 = 2; empathy 4 → (4−1)/4 = 0.75 × 3 = 2.25; resolution yes → 5; closing 2 → 0.25 × 1 = 0.25
        // earned 2 + 2.25 + 5 + 0.25 = 9.5 over 2 + 3 + 5 + 1 = 11 → 0.863636…
        var result = ScoreCalculator.Compute(Form, Answers(CriterionAnswer.Yes, CriterionAnswer.OnScale(4), CriterionAnswer.Yes, CriterionAnswer.OnScale(2)));

        Assert.Equal(9.5, result.EarnedWeight, 12);
        Assert.Equal(11, result.ApplicableWeight, 12);
        Assert.Equal(0.8636363636, result.Score!.Value, 9);
    }

    [Fact]
    public void Compute_not_applicable_leaves_the_denominator()
    {
        // greeting n/a (drops 2 from the denominator); empathy 5 → 1 × 3 = 3; resolution yes → 5; closing 1 → 0 × 1 = 0
        // earned 3 + 5 + 0 = 8 over 3 + 5 + 1 = 9 → 0.888…
        var result = ScoreCalculator.Compute(Form, Answers(CriterionAnswer.NotApplicable, CriterionAnswer.OnScale(5), CriterionAnswer.Yes, CriterionAnswer.OnScale(1)));

        Assert.Equal(9, result.ApplicableWeight, 12);
        Assert.Equal(8.0 / 9.0, result.Score!.Value, 12);
    }

    [Fact]
    public void Compute_failed_critical_criterion_makes_the_score_zero()
    {
        // Everything else perfect: earned 2 + 3 + 0 + 1 = 6 of 11, but "resolution" is critical and answered no → 0.
        var result = ScoreCalculator.Compute(Form, Answers(CriterionAnswer.Yes, CriterionAnswer.OnScale(5), CriterionAnswer.No, CriterionAnswer.OnScale(5)));

        Assert.Equal(6, result.EarnedWeight, 12);
        Assert.Equal(0, result.Score);
        Assert.Equal(["resolution"], result.FailedCritical);
    }

    [Fact]
    public void Compute_critical_not_applicable_is_not_a_failure()
    {
        // resolution n/a: earned 0 (greeting no) + 0.5 × 3 (empathy 3) + 0.75 × 1 (closing 4) = 2.25 over 2 + 3 + 1 = 6 → 0.375
        var result = ScoreCalculator.Compute(Form, Answers(CriterionAnswer.No, CriterionAnswer.OnScale(3), CriterionAnswer.NotApplicable, CriterionAnswer.OnScale(4)));

        Assert.False(result.CriticalFailed);
        Assert.Equal(0.375, result.Score!.Value, 12);
    }

    [Fact]
    public void Compute_everything_not_applicable_has_no_score()
    {
        var na = CriterionAnswer.NotApplicable;

        Assert.Null(ScoreCalculator.Compute(Form, Answers(na, na, na, na)).Score);
    }

    [Fact]
    public void Compute_missing_or_mismatched_answer_is_rejected()
    {
        var missing = new Dictionary<string, CriterionAnswer> { ["greeting"] = CriterionAnswer.Yes };
        Assert.Throws<ArgumentException>(() => ScoreCalculator.Compute(Form, missing));

        // A scale answer to a yes/no criterion.
        Assert.Throws<ArgumentException>(() => ScoreCalculator.Compute(Form, Answers(CriterionAnswer.OnScale(3), CriterionAnswer.OnScale(4), CriterionAnswer.Yes, CriterionAnswer.OnScale(2))));
    }

    [Fact]
    public void Definition_with_duplicate_criterion_ids_is_invalid()
    {
        var form = new ScorecardDefinition([new ScorecardSection("A", [
            new ScorecardCriterion("x", "one", 1, AnswerType.YesNo, false),
            new ScorecardCriterion("x", "two", 1, AnswerType.YesNo, false)])]);

        Assert.Throws<ArgumentException>(form.Validate);
    }

    private static Dictionary<string, CriterionAnswer> Answers(CriterionAnswer greeting, CriterionAnswer empathy, CriterionAnswer resolution, CriterionAnswer closing) => new()
    {
        ["greeting"] = greeting,
        ["empathy"] = empathy,
        ["resolution"] = resolution,
        ["closing"] = closing,
    };
}
