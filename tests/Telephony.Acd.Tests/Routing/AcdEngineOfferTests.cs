using Telephony.Acd.Agents;
using Telephony.Acd.Events;
using Telephony.Acd.Routing;
using static Telephony.Acd.Tests.Routing.AcdTestBed;

namespace Telephony.Acd.Tests.Routing;

public sealed class AcdEngineOfferTests
{
    private static AcdTestBed TwoAgents(Action<AcdTestBed>? before = null)
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)) with { RingTimeout = TimeSpan.FromSeconds(15), NoAnswerLimit = 2, WrapUp = TimeSpan.FromSeconds(30) });
        before?.Invoke(bed);
        bed.Agent("a1", (Ru, 5), (Transfers, 5));
        bed.AdvanceSeconds(1);
        bed.Agent("a2", (Ru, 5), (Transfers, 5));
        return bed;
    }

    [Fact]
    public void ConfirmReservation_rings_agent_with_queue_ring_timeout()
    {
        var bed = TwoAgents();
        bed.Enqueue("c1", "q", Need(Ru));

        var result = bed.Engine.ConfirmReservation("a1", "c1");

        Assert.Equal([new RingAgent("a1", "ext-a1", "c1", "q", TimeSpan.FromSeconds(15))], result.Commands);
        Assert.Contains(result.Events, e => e is AgentOffered { AgentId: "a1", CallId: "c1" });
        Assert.Equal(AgentState.Ringing, bed.StateOf("a1"));
    }

    [Fact]
    public void ConfirmReservation_after_caller_left_is_rejected_and_releases_the_grant()
    {
        var bed = TwoAgents();
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Engine.Abandon("c1");

        var result = bed.Engine.ConfirmReservation("a1", "c1");

        Assert.Equal(AcdRejection.NotOffered, result.Rejection);
        Assert.Equal([new ReleaseReservation("a1", "c1")], result.Commands);
        Assert.Equal(AgentState.Idle, bed.StateOf("a1"));
    }

    [Fact]
    public void RejectReservation_offers_caller_to_next_best_agent_and_backs_off_the_taken_one()
    {
        var bed = TwoAgents();
        bed.Enqueue("c1", "q", Need(Ru));
        Assert.Equal("a1", bed.OfferedTo("c1"));

        var result = bed.Engine.RejectReservation("a1", "c1");

        Assert.Equal([new ReserveAgent("a2", "c1")], result.Commands);
        Assert.Contains(new AgentReservationFailed("a1", "c1", bed.Time.GetUtcNow()), result.Events);
        Assert.Equal(bed.Time.GetUtcNow().AddSeconds(5), bed.Engine.GetAgent("a1")!.ReservationBackoffUntil);
    }

    [Fact]
    public void RejectReservation_backed_off_agent_returns_after_backoff_and_takes_waiting_caller()
    {
        var bed = TwoAgents();
        bed.Engine.TakeBreak("a2", "lunch");
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Engine.RejectReservation("a1", "c1");
        Assert.Null(bed.OfferedTo("c1"));

        bed.AdvanceSeconds(4.9);
        Assert.Null(bed.OfferedTo("c1"));
        var result = bed.AdvanceSeconds(0.1);

        Assert.Equal([new ReserveAgent("a1", "c1")], result.Commands);
    }

    [Fact]
    public void RingTimeout_stops_ringing_and_offers_caller_to_next_agent()
    {
        var bed = TwoAgents();
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Ring("c1");
        Assert.Empty(bed.AdvanceSeconds(14.9).Commands);

        var result = bed.AdvanceSeconds(0.1);

        Assert.Equal(
            [new StopRinging("a1", "c1"), new ReleaseReservation("a1", "c1"), new ReserveAgent("a2", "c1")],
            result.Commands);
        Assert.Contains(new OfferTimedOut("a1", "c1", 1, bed.Time.GetUtcNow()), result.Events);
        Assert.Equal(AgentState.Idle, bed.StateOf("a1"));
    }

    [Fact]
    public void RingTimeout_caller_keeps_place_ahead_of_later_callers()
    {
        var bed = TwoAgents();
        bed.Engine.TakeBreak("a2", "meeting");
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Ring("c1");
        bed.AdvanceSeconds(5);
        bed.Enqueue("later", "q", Need(Ru));

        bed.AdvanceSeconds(10);
        Assert.Equal("a1", bed.OfferedTo("c1"));
        Assert.Null(bed.OfferedTo("later"));
    }

    [Fact]
    public void LogInOnBreak_logged_out_agent_goes_on_break_and_is_not_offered_the_waiting_caller()
    {
        var bed = TwoAgents();
        bed.Engine.LogOut("a1");
        bed.Engine.TakeBreak("a2", "lunch");
        bed.Enqueue("c1", "q", Need(Ru));
        Assert.NotNull(bed.Engine.GetCaller("c1"));

        var result = bed.Engine.LogInOnBreak("a1", "meeting");

        Assert.Equal(AcdRejection.None, result.Rejection);
        Assert.Empty(result.Commands);
        Assert.Equal((AgentStatus.OnBreak, "meeting"), (bed.StatusOf("a1"), bed.Engine.GetAgent("a1")!.BreakReason));
        Assert.Null(bed.OfferedTo("c1"));
        Assert.Equal(AcdRejection.IllegalTransition, bed.Engine.LogInOnBreak("a1", "again").Rejection);
    }

    [Fact]
    public void RingTimeout_same_agent_gets_caller_again_when_nobody_else_is_free()
    {
        var bed = TwoAgents();
        bed.Engine.LogOut("a2");
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Ring("c1");

        var result = bed.AdvanceSeconds(15);

        Assert.Contains(new ReserveAgent("a1", "c1"), result.Commands);
    }

    [Fact]
    public void NoAnswer_limit_reached_pauses_agent_with_reason()
    {
        var bed = TwoAgents();
        bed.Engine.LogOut("a2");
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Ring("c1");
        var first = bed.AdvanceSeconds(15);
        Assert.DoesNotContain(first.Events, e => e is AgentPaused);
        bed.Ring("c1");

        var second = bed.AdvanceSeconds(15);

        Assert.Contains(new AgentPaused("a1", "no answer", 2, bed.Time.GetUtcNow()), second.Events);
        var agent = bed.Engine.GetAgent("a1")!;
        Assert.Equal(AgentStatus.OnBreak, agent.Status);
        Assert.Equal("no answer", agent.BreakReason);
        Assert.Equal(0, agent.ConsecutiveNoAnswers);
        Assert.Null(bed.OfferedTo("c1"));
    }

    [Fact]
    public void NoAnswer_count_resets_when_agent_answers()
    {
        var bed = TwoAgents();
        bed.Engine.LogOut("a2");
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Ring("c1");
        bed.AdvanceSeconds(15);
        Assert.Equal(1, bed.Engine.GetAgent("a1")!.ConsecutiveNoAnswers);

        bed.Connect("c1");

        Assert.Equal(0, bed.Engine.GetAgent("a1")!.ConsecutiveNoAnswers);
    }

    [Fact]
    public void RingFailed_counts_like_a_timeout()
    {
        var bed = TwoAgents();
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Ring("c1");

        var result = bed.Engine.RingFailed("c1");

        Assert.Contains(result.Events, e => e is OfferTimedOut { AgentId: "a1", ConsecutiveNoAnswers: 1 });
        Assert.Equal("a2", bed.OfferedTo("c1"));
    }

    [Fact]
    public void Answer_connects_agent_and_reports_wait_against_service_level()
    {
        var bed = TwoAgents();
        bed.Engine.LogOut("a1");
        bed.Engine.LogOut("a2");
        bed.Enqueue("c1", "q", Need(Ru));
        bed.AdvanceSeconds(25);
        bed.Engine.LogIn("a1");
        bed.Ring("c1");

        var result = bed.Engine.Answer("c1");

        Assert.Contains(new CallerAnswered("c1", "q", "a1", TimeSpan.FromSeconds(25), false, bed.Time.GetUtcNow()), result.Events);
        Assert.Equal(AgentState.OnCall, bed.StateOf("a1"));
        Assert.Null(bed.Engine.GetCaller("c1"));
    }

    [Fact]
    public void Answer_before_ringing_or_after_timeout_is_rejected()
    {
        var bed = TwoAgents();
        bed.Engine.LogOut("a2");
        bed.Enqueue("c1", "q", Need(Ru));
        Assert.Equal(AcdRejection.NotOffered, bed.Engine.Answer("c1").Rejection);
        bed.Ring("c1");
        bed.AdvanceSeconds(15);
        Assert.Equal(AgentState.Reserved, bed.StateOf("a1"));
        Assert.Equal(AcdRejection.NotOffered, bed.Engine.Answer("c1").Rejection);
    }

    [Fact]
    public void Hangup_starts_wrap_up_for_queue_time_then_agent_is_idle_and_released()
    {
        var bed = TwoAgents();
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Connect("c1");
        bed.AdvanceSeconds(100);

        var hangup = bed.Engine.Hangup("c1");
        Assert.Contains(hangup.Events, e => e is CallEnded { Talked.TotalSeconds: 100 });
        Assert.Equal(AgentState.WrapUp, bed.StateOf("a1"));

        Assert.Empty(bed.AdvanceSeconds(29.9).Events);
        var end = bed.AdvanceSeconds(0.1);

        Assert.Equal(AgentState.Idle, bed.StateOf("a1"));
        Assert.Contains(new ReleaseReservation("a1", "c1"), end.Commands);
        Assert.Contains(end.Events, e => e is HandleTimeRecorded { HandleTime.TotalSeconds: 130 });
    }

    [Fact]
    public void WrapUp_end_takes_longest_waiting_caller()
    {
        var bed = TwoAgents();
        bed.Engine.LogOut("a2");
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Connect("c1");
        bed.Enqueue("c2", "q", Need(Ru));
        bed.Engine.Hangup("c1");
        Assert.Null(bed.OfferedTo("c2"));

        bed.AdvanceSeconds(30);

        Assert.Equal("a1", bed.OfferedTo("c2"));
    }

    [Fact]
    public void EndWrapUp_early_frees_agent_and_stale_wrap_up_timer_is_ignored()
    {
        var bed = TwoAgents();
        bed.Engine.LogOut("a2");
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Connect("c1");
        bed.Engine.Hangup("c1");
        bed.AdvanceSeconds(5);

        Assert.True(bed.Engine.EndWrapUp("a1").Accepted);
        bed.Enqueue("c2", "q", Need(Ru));
        bed.Connect("c2");
        var later = bed.AdvanceSeconds(25);

        Assert.Equal(AgentState.OnCall, bed.StateOf("a1"));
        Assert.Empty(later.Events);
        Assert.Equal(AcdRejection.IllegalTransition, bed.Engine.EndWrapUp("a1").Rejection);
    }

    [Fact]
    public void TakeBreak_while_ringing_withdraws_offer_and_caller_goes_to_next_agent()
    {
        var bed = TwoAgents();
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Ring("c1");

        var result = bed.Engine.TakeBreak("a1", "toilet");

        Assert.Equal([new StopRinging("a1", "c1"), new ReleaseReservation("a1", "c1"), new ReserveAgent("a2", "c1")], result.Commands);
        Assert.Contains(new OfferWithdrawn("a1", "c1", bed.Time.GetUtcNow()), result.Events);
        Assert.Equal(AgentStatus.OnBreak, bed.StatusOf("a1"));
    }

    [Fact]
    public void TakeBreak_during_call_keeps_call_and_agent_gets_nothing_after_wrap_up()
    {
        var bed = TwoAgents();
        bed.Engine.LogOut("a2");
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Connect("c1");
        bed.Engine.TakeBreak("a1", "end of shift");
        bed.Enqueue("c2", "q", Need(Ru));
        bed.Engine.Hangup("c1");

        bed.AdvanceSeconds(30);

        Assert.Equal(AgentState.Idle, bed.StateOf("a1"));
        Assert.Null(bed.OfferedTo("c2"));
    }

    [Fact]
    public void SetStatus_maps_requested_status_to_named_transitions()
    {
        var bed = TwoAgents();

        Assert.Equal(AcdRejection.IllegalTransition, bed.Engine.SetStatus("a1", AgentStatus.Available).Rejection);
        var onBreak = bed.Engine.SetStatus("a1", AgentStatus.OnBreak, "lunch");
        Assert.Contains(onBreak.Events, e => e is AgentStatusChanged { Transition: AgentStatusTransition.TakeBreak, BreakReason: "lunch" });
        var back = bed.Engine.SetStatus("a1", AgentStatus.Available);
        Assert.Contains(back.Events, e => e is AgentStatusChanged { Transition: AgentStatusTransition.Resume });
        Assert.Equal(AcdRejection.UnknownAgent, bed.Engine.SetStatus("ghost", AgentStatus.Available).Rejection);
    }

    [Fact]
    public void Every_state_change_is_reported_with_the_virtual_time()
    {
        var bed = TwoAgents();
        bed.Engine.LogOut("a2");
        var events = new List<AcdEvent>();
        events.AddRange(bed.Enqueue("c1", "q", Need(Ru)).Events);
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        events.AddRange(bed.Engine.ConfirmReservation("a1", "c1").Events);
        bed.Time.Advance(TimeSpan.FromSeconds(2));
        events.AddRange(bed.Engine.Answer("c1").Events);
        bed.Time.Advance(TimeSpan.FromSeconds(3));
        events.AddRange(bed.Engine.Hangup("c1").Events);
        events.AddRange(bed.AdvanceSeconds(30).Events);

        var changes = events.OfType<AgentStateChanged>().ToList();
        Assert.Equal(
            [AgentState.Reserved, AgentState.Ringing, AgentState.OnCall, AgentState.WrapUp, AgentState.Idle],
            changes.Select(c => c.To));
        var start = changes[0].At;
        Assert.Equal([0d, 1, 3, 6, 36], changes.Select(c => (c.At - start).TotalSeconds));
    }

    [Fact]
    public void Caller_transferred_while_its_first_agent_wraps_up_is_queued_again_and_each_agent_keeps_its_own_end()
    {
        var bed = new AcdTestBed(
            Queue("q", Need(Ru)) with { WrapUp = TimeSpan.FromSeconds(30) },
            Queue("other", Need(Transfers)) with { WrapUp = TimeSpan.FromSeconds(30) });
        bed.Agent("a1", (Ru, 5));
        bed.AdvanceSeconds(1);
        bed.Agent("a2", (Ru, 5), (Transfers, 5));
        bed.Enqueue("c1", "q", Need(Ru));
        Assert.Equal("a1", bed.Connect("c1"));
        Assert.Equal(AcdRejection.DuplicateCall, bed.Enqueue("c1", "other").Rejection);

        bed.Engine.Hangup("c1");
        var again = bed.Enqueue("c1", "other", Need(Ru));

        Assert.True(again.Accepted);
        Assert.Equal("a2", bed.Connect("c1"));
        bed.AdvanceSeconds(30);
        Assert.Equal(AgentState.Idle, bed.StateOf("a1"));
        Assert.Equal(AgentState.OnCall, bed.StateOf("a2"));
        Assert.True(bed.Engine.Hangup("c1").Accepted);
        Assert.Equal(AgentState.WrapUp, bed.StateOf("a2"));
    }
}
