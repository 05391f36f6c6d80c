using Telephony.Acd.Events;
using Telephony.Acd.Queues;
using Telephony.Acd.Routing;
using static Telephony.Acd.Tests.Routing.AcdTestBed;

namespace Telephony.Acd.Tests.Routing;

public sealed class AcdEngineQueueingTests
{
    [Fact]
    public void Freed_agent_takes_longest_waiting_caller_of_same_priority()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)));
        bed.AddLoggedOut("a1", (Ru, 5), (Transfers, 5));
        bed.Enqueue("first", "q", Need(Ru));
        bed.AdvanceSeconds(5);
        bed.Enqueue("second", "q", Need(Ru));

        bed.Engine.LogIn("a1");

        Assert.Equal("a1", bed.OfferedTo("first"));
        Assert.Null(bed.OfferedTo("second"));
    }

    [Fact]
    public void Freed_agent_takes_higher_caller_priority_before_longer_wait()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)));
        bed.AddLoggedOut("a1", (Ru, 5), (Transfers, 5));
        bed.Enqueue("old", "q", 0, Need(Ru));
        bed.AdvanceSeconds(30);
        bed.Enqueue("vip", "q", 5, Need(Ru));

        bed.Engine.LogIn("a1");

        Assert.Equal("a1", bed.OfferedTo("vip"));
    }

    [Fact]
    public void Freed_agent_across_queues_serves_higher_queue_priority_first()
    {
        var bed = new AcdTestBed(
            Queue("transfers", Need(Transfers)) with { Priority = 1 },
            Queue("pensions", Need(Pensions)) with { Priority = 5 },
            Queue("urgent", Need(Pensions)) with { Priority = 9 });
        bed.AddLoggedOut("a1", (Ru, 5), (Transfers, 5), (Pensions, 5));
        bed.Enqueue("t-old", "transfers", 9, Need(Ru));
        bed.AdvanceSeconds(60);
        bed.Enqueue("p-new", "pensions", Need(Ru));
        bed.Enqueue("u-not-mine", "urgent", Need(Az));

        bed.Engine.LogIn("a1");

        Assert.Equal("a1", bed.OfferedTo("p-new"));
        Assert.Null(bed.OfferedTo("t-old"));
        Assert.Null(bed.OfferedTo("u-not-mine"));
    }

    [Fact]
    public void Freed_agent_across_equal_priority_queues_takes_longest_waiting()
    {
        var bed = new AcdTestBed(Queue("transfers", Need(Transfers)), Queue("pensions", Need(Pensions)));
        bed.AddLoggedOut("a1", (Ru, 5), (Transfers, 5), (Pensions, 5));
        bed.Enqueue("p", "pensions", Need(Ru));
        bed.AdvanceSeconds(1);
        bed.Enqueue("t", "transfers", Need(Ru));

        bed.Engine.LogIn("a1");

        Assert.Equal("a1", bed.OfferedTo("p"));
    }

    [Fact]
    public void Freed_agent_skips_caller_it_qualifies_for_only_after_relaxation()
    {
        var queue = Queue("q", Need(Transfers, 8)) with { RelaxationSteps = [new SkillRelaxationStep(TimeSpan.FromSeconds(40), 4)] };
        var bed = new AcdTestBed(queue);
        bed.AddLoggedOut("junior", (Ru, 5), (Transfers, 4));
        bed.Enqueue("relaxed", "q", Need(Ru));
        bed.AdvanceSeconds(20);
        bed.Enqueue("vip-strict", "q", 5, Need(Ru));
        bed.AdvanceSeconds(20);

        bed.Engine.LogIn("junior");

        Assert.Equal("junior", bed.OfferedTo("relaxed"));
    }

    [Fact]
    public void Abandon_removes_waiting_caller_and_reports_time_waited()
    {
        var bed = new AcdTestBed(Queue("q"));
        bed.Enqueue("c1", "q");
        bed.AdvanceSeconds(42);

        var result = bed.Engine.Abandon("c1");

        Assert.Equal([new CallerAbandoned("c1", "q", TimeSpan.FromSeconds(42), bed.Time.GetUtcNow())], result.Events);
        Assert.Null(bed.Engine.GetCaller("c1"));
        Assert.Equal(AcdRejection.UnknownCall, bed.Engine.Abandon("c1").Rejection);
    }

    [Fact]
    public void Abandon_while_ringing_stops_ring_releases_agent_and_serves_next_caller()
    {
        var bed = new AcdTestBed(Queue("q"));
        bed.Agent("a1", (Ru, 5));
        bed.Enqueue("c1", "q");
        bed.Enqueue("c2", "q");
        bed.Ring("c1");

        var result = bed.Engine.Abandon("c1");

        Assert.Equal([new StopRinging("a1", "c1"), new ReleaseReservation("a1", "c1"), new ReserveAgent("a1", "c2")], result.Commands);
        Assert.Equal("a1", bed.OfferedTo("c2"));
    }

    [Fact]
    public void MaxWait_overflows_waiting_caller_to_target()
    {
        var queue = Queue("q") with { MaxWait = TimeSpan.FromSeconds(120), Overflow = OverflowTarget.Voicemail };
        var bed = new AcdTestBed(queue);
        bed.Enqueue("c1", "q");

        Assert.Empty(bed.AdvanceSeconds(119).Commands);
        var result = bed.AdvanceSeconds(1);

        Assert.Equal([new OverflowCaller("c1", "q", OverflowReason.MaxWaitReached, OverflowTarget.Voicemail)], result.Commands);
        Assert.Contains(result.Events, e => e is CallerOverflowed { Reason: OverflowReason.MaxWaitReached, Waited.TotalSeconds: 120 });
        Assert.Equal(0, bed.Engine.QueuedCallers);
    }

    [Fact]
    public void MaxWait_during_ringing_lets_the_offer_finish_then_overflows_on_no_answer()
    {
        var queue = Queue("q") with { MaxWait = TimeSpan.FromSeconds(10), RingTimeout = TimeSpan.FromSeconds(15), Overflow = OverflowTarget.Callback };
        var bed = new AcdTestBed(queue);
        bed.Agent("a1", (Ru, 5));
        bed.Enqueue("c1", "q");
        bed.Ring("c1");

        Assert.Empty(bed.AdvanceSeconds(10).Commands);
        var result = bed.AdvanceSeconds(5);

        Assert.Contains(new OverflowCaller("c1", "q", OverflowReason.MaxWaitReached, OverflowTarget.Callback), result.Commands);
    }

    [Fact]
    public void MaxLength_full_queue_overflows_new_caller_at_once()
    {
        var queue = Queue("q") with { MaxLength = 2, Overflow = OverflowTarget.ToQueue("backup") };
        var bed = new AcdTestBed(queue, Queue("backup"));
        bed.Enqueue("c1", "q");
        bed.Enqueue("c2", "q");

        var result = bed.Enqueue("c3", "q");

        Assert.Equal([new OverflowCaller("c3", "q", OverflowReason.QueueFull, OverflowTarget.ToQueue("backup"))], result.Commands);
        Assert.Null(bed.Engine.GetCaller("c3"));
        Assert.True(bed.Enqueue("c3", "backup").Accepted);
    }

    [Fact]
    public void NoAgents_overflow_queue_rejects_caller_when_nobody_qualified_is_logged_in()
    {
        var queue = Queue("q", Need(Transfers)) with { WhenNoAgents = NoAgentsBehavior.Overflow, Overflow = OverflowTarget.Voicemail };
        var bed = new AcdTestBed(queue);
        bed.Agent("az-speaker", (Az, 5), (Transfers, 5));

        var result = bed.Enqueue("c1", "q", Need(Ru));

        Assert.Equal([new OverflowCaller("c1", "q", OverflowReason.NoAgentsLoggedIn, OverflowTarget.Voicemail)], result.Commands);
    }

    [Fact]
    public void NoAgents_overflow_queue_waits_while_qualified_agent_is_busy_or_on_break()
    {
        var queue = Queue("q", Need(Transfers)) with { WhenNoAgents = NoAgentsBehavior.Overflow, Overflow = OverflowTarget.Voicemail };
        var bed = new AcdTestBed(queue);
        bed.Agent("a1", (Ru, 5), (Transfers, 5));
        bed.Engine.TakeBreak("a1", "lunch");

        var result = bed.Enqueue("c1", "q", Need(Ru));

        Assert.Empty(result.Commands);
        Assert.NotNull(bed.Engine.GetCaller("c1"));
    }

    [Fact]
    public void NoAgents_last_qualified_agent_logging_out_overflows_waiting_callers()
    {
        var queue = Queue("q", Need(Transfers)) with { WhenNoAgents = NoAgentsBehavior.Overflow, Overflow = OverflowTarget.Callback };
        var bed = new AcdTestBed(queue);
        bed.Agent("a1", (Ru, 5), (Transfers, 5));
        bed.Engine.TakeBreak("a1", "lunch");
        bed.Enqueue("c1", "q", Need(Ru));

        var result = bed.Engine.LogOut("a1");

        Assert.Contains(new OverflowCaller("c1", "q", OverflowReason.NoAgentsLoggedIn, OverflowTarget.Callback), result.Commands);
    }

    [Fact]
    public void NoAgents_wait_queue_keeps_caller_until_someone_logs_in()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)));
        bed.Enqueue("c1", "q", Need(Ru));
        bed.AdvanceSeconds(300);
        bed.AddLoggedOut("a1", (Ru, 5), (Transfers, 5));

        bed.Engine.LogIn("a1");

        Assert.Equal("a1", bed.OfferedTo("c1"));
    }

    [Fact]
    public void Enqueue_unknown_queue_and_duplicate_call_are_rejected()
    {
        var bed = new AcdTestBed(Queue("q"));
        Assert.Equal(AcdRejection.UnknownQueue, bed.Enqueue("c1", "nope").Rejection);
        bed.Enqueue("c1", "q");
        Assert.Equal(AcdRejection.DuplicateCall, bed.Enqueue("c1", "q").Rejection);
    }
}
