using Telephony.Acd.Queues;

namespace Telephony.Acd.Tests.Queues;

public sealed class AcdQueueTests
{
    private static AcdQueue Valid => new() { Id = "q", Name = "Queue" };

    [Fact]
    public void Validate_defaults_pass()
    {
        Valid.Validate();
    }

    [Fact]
    public void Validate_max_wait_without_overflow_target_names_overflow()
    {
        var error = Assert.Throws<ArgumentException>(() => (Valid with { MaxWait = TimeSpan.FromMinutes(1) }).Validate());
        Assert.Equal(nameof(AcdQueue.Overflow), error.ParamName);
    }

    [Fact]
    public void Validate_overflow_to_itself_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => (Valid with { MaxLength = 5, Overflow = OverflowTarget.ToQueue("q") }).Validate());
        Assert.Equal(nameof(AcdQueue.Overflow), error.ParamName);
    }

    [Theory]
    [InlineData(20, 10, null, null)]
    [InlineData(10, 20, 3, 5)]
    public void Validate_relaxation_steps_must_loosen_in_time_order(int firstAfter, int secondAfter, int? firstCap, int? secondCap)
    {
        var queue = Valid with
        {
            RelaxationSteps =
            [
                new SkillRelaxationStep(TimeSpan.FromSeconds(firstAfter), firstCap),
                new SkillRelaxationStep(TimeSpan.FromSeconds(secondAfter), secondCap),
            ],
        };

        var error = Assert.Throws<ArgumentException>(queue.Validate);
        Assert.Equal(nameof(AcdQueue.RelaxationSteps), error.ParamName);
    }

    [Fact]
    public void Validate_language_only_cannot_be_switched_off_again()
    {
        var queue = Valid with
        {
            RelaxationSteps =
            [
                new SkillRelaxationStep(TimeSpan.FromSeconds(10), LanguageOnly: true),
                new SkillRelaxationStep(TimeSpan.FromSeconds(20), 1),
            ],
        };

        Assert.Throws<ArgumentException>(queue.Validate);
    }

    [Fact]
    public void Validate_non_positive_ring_timeout_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => (Valid with { RingTimeout = TimeSpan.Zero }).Validate());
        Assert.Equal(nameof(AcdQueue.RingTimeout), error.ParamName);
    }
}
