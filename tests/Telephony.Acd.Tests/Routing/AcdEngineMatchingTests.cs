using Telephony.Acd.Agents;
using Telephony.Acd.Events;
using Telephony.Acd.Queues;
using Telephony.Acd.Routing;
using static Telephony.Acd.Tests.Routing.AcdTestBed;

namespace Telephony.Acd.Tests.Routing;

public sealed class AcdEngineMatchingTests
{
    [Fact]
    public void Enqueue_with_free_qualified_agent_reserves_that_agent()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)));
        bed.Agent("a1", (Ru, 5), (Transfers, 5));

        var result = bed.Enqueue("c1", "q", Need(Ru));

        Assert.Equal([new ReserveAgent("a1", "c1")], result.Commands);
        Assert.Contains(result.Events, e => e is CallerQueued { CallId: "c1" });
        Assert.Equal(AgentState.Reserved, bed.StateOf("a1"));
    }

    [Fact]
    public void Enqueue_agent_without_caller_language_is_not_offered()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)));
        bed.Agent("a1", (Az, 9), (Transfers, 9));

        var result = bed.Enqueue("c1", "q", Need(Ru));

        Assert.Empty(result.Commands);
        Assert.Null(bed.OfferedTo("c1"));
    }

    [Fact]
    public void Enqueue_best_score_beats_longer_idle()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)));
        bed.Agent("weak", (Ru, 4), (Transfers, 4));
        bed.AdvanceSeconds(60);
        bed.Agent("strong", (Ru, 8), (Transfers, 7));

        bed.Enqueue("c1", "q", Need(Ru));

        Assert.Equal("strong", bed.OfferedTo("c1"));
    }

    [Fact]
    public void Enqueue_score_prefers_higher_weakest_skill_over_higher_sum()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)));
        bed.Agent("lopsided", (Ru, 3), (Transfers, 10));
        bed.Agent("balanced", (Ru, 6), (Transfers, 6));

        bed.Enqueue("c1", "q", Need(Ru));

        Assert.Equal("balanced", bed.OfferedTo("c1"));
    }

    [Fact]
    public void Enqueue_equal_scores_go_to_longest_idle()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)));
        bed.Agent("b", (Ru, 5), (Transfers, 5));
        bed.AdvanceSeconds(1);
        bed.Agent("a", (Ru, 5), (Transfers, 5));

        bed.Enqueue("c1", "q", Need(Ru));

        Assert.Equal("b", bed.OfferedTo("c1"));
    }

    [Fact]
    public void Enqueue_equal_score_and_idle_time_tie_breaks_by_agent_id()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)));
        bed.Agent("a7", (Ru, 5), (Transfers, 5));
        bed.Agent("a10", (Ru, 5), (Transfers, 5));
        bed.Agent("a3", (Ru, 5), (Transfers, 5));

        bed.Enqueue("c1", "q", Need(Ru));

        Assert.Equal("a10", bed.OfferedTo("c1"));
    }

    [Fact]
    public void Enqueue_minimum_proficiency_excludes_weaker_agents()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers, 6)));
        bed.Agent("a1", (Ru, 9), (Transfers, 5));

        bed.Enqueue("c1", "q", Need(Ru));

        Assert.Null(bed.OfferedTo("c1"));
    }

    [Fact]
    public void Enqueue_caller_requirement_stricter_than_queue_wins()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers, 2)));
        bed.Agent("a1", (Ru, 9), (Transfers, 4));

        bed.Enqueue("c1", "q", Need(Ru), Need(Transfers, 5));

        Assert.Null(bed.OfferedTo("c1"));
    }

    [Fact]
    public void Relaxation_first_step_accepts_lower_proficiency_after_its_delay()
    {
        var queue = Queue("q", Need(Transfers, 7)) with
        {
            RelaxationSteps = [new SkillRelaxationStep(TimeSpan.FromSeconds(30), 3)],
        };
        var bed = new AcdTestBed(queue);
        bed.Agent("junior", (Ru, 5), (Transfers, 3));
        bed.Enqueue("c1", "q", Need(Ru, 5));

        var early = bed.AdvanceSeconds(29);
        Assert.Null(bed.OfferedTo("c1"));
        Assert.Empty(early.Events);

        var relaxed = bed.AdvanceSeconds(1);
        Assert.Contains(new CallerSkillsRelaxed("c1", "q", 1, bed.Time.GetUtcNow()), relaxed.Events);
        Assert.Equal("junior", bed.OfferedTo("c1"));
    }

    [Fact]
    public void Relaxation_language_only_step_accepts_any_agent_speaking_the_language()
    {
        var queue = Queue("q", Need(Transfers, 7)) with
        {
            RelaxationSteps =
            [
                new SkillRelaxationStep(TimeSpan.FromSeconds(30), 5),
                new SkillRelaxationStep(TimeSpan.FromSeconds(60), 1, LanguageOnly: true),
            ],
        };
        var bed = new AcdTestBed(queue);
        bed.Agent("speaker", (Ru, 2), (Pensions, 9));
        bed.Agent("other-language", (Az, 9), (Transfers, 9));
        bed.Enqueue("c1", "q", Need(Ru, 6));

        bed.AdvanceSeconds(30);
        Assert.Null(bed.OfferedTo("c1"));
        bed.AdvanceSeconds(30);

        Assert.Equal("speaker", bed.OfferedTo("c1"));
        Assert.Equal(2, bed.Engine.GetCaller("c1")!.RelaxationLevel);
    }

    [Fact]
    public void Relaxation_language_only_still_prefers_agent_with_some_topic_knowledge()
    {
        var queue = Queue("q", Need(Transfers, 7)) with
        {
            RelaxationSteps = [new SkillRelaxationStep(TimeSpan.FromSeconds(10), LanguageOnly: true)],
        };
        var bed = new AcdTestBed(queue);
        bed.Agent("fluent-no-topic", (Ru, 10));
        bed.AdvanceSeconds(5);
        bed.Agent("some-topic", (Ru, 5), (Transfers, 4));
        bed.Enqueue("c1", "q", Need(Ru, 5));
        Assert.Null(bed.OfferedTo("c1"));

        bed.AdvanceSeconds(10);

        Assert.Equal("some-topic", bed.OfferedTo("c1"));
    }

    [Fact]
    public void Relaxation_caller_enqueued_in_the_past_starts_at_reached_level()
    {
        var queue = Queue("q", Need(Transfers, 7)) with
        {
            RelaxationSteps = [new SkillRelaxationStep(TimeSpan.FromSeconds(30), 2)],
        };
        var bed = new AcdTestBed(queue);
        bed.Agent("junior", (Ru, 5), (Transfers, 2));

        bed.Engine.Enqueue(new EnqueueRequest("c1", "q", [Need(Ru)], EnqueuedAt: bed.Time.GetUtcNow().AddSeconds(-45)));

        Assert.Equal("junior", bed.OfferedTo("c1"));
    }

    [Fact]
    public void Queue_without_required_skills_takes_any_agent()
    {
        var bed = new AcdTestBed(Queue("general"));
        bed.Agent("a1", (En, 1));

        bed.Enqueue("c1", "general");

        Assert.Equal("a1", bed.OfferedTo("c1"));
    }

    [Fact]
    public void UpdateAgent_new_skill_lets_free_agent_take_waiting_caller()
    {
        var bed = new AcdTestBed(Queue("q", Need(Pensions)));
        bed.Agent("a1", (Ru, 5));
        bed.Enqueue("c1", "q", Need(Ru));
        Assert.Null(bed.OfferedTo("c1"));

        var result = bed.Engine.UpdateAgent(new Agent("a1", "ext-a1", "A1", [new(Ru, 5), new(Pensions, 4)]));

        Assert.Contains(new ReserveAgent("a1", "c1"), result.Commands);
    }
}
