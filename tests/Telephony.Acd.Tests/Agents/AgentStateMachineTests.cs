using Telephony.Acd.Agents;

namespace Telephony.Acd.Tests.Agents;

public sealed class AgentStateMachineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LogIn_from_logged_out_emits_timestamped_status_change()
    {
        var machine = new AgentStateMachine("a1", Start);

        var changed = machine.LogIn(Start.AddSeconds(5));

        Assert.Equal(new Events.AgentStatusChanged("a1", AgentStatusTransition.LogIn, AgentStatus.LoggedOut, AgentStatus.Available, null, Start.AddSeconds(5)), changed);
        Assert.Equal(AgentStatus.Available, machine.Status);
        Assert.Equal(Start.AddSeconds(5), machine.StatusChangedAt);
    }

    [Fact]
    public void TakeBreak_records_reason_and_resume_clears_it()
    {
        var machine = new AgentStateMachine("a1", Start);
        machine.LogIn(Start);

        var onBreak = machine.TakeBreak("lunch", Start.AddMinutes(1));
        Assert.Equal("lunch", onBreak.BreakReason);
        Assert.Equal("lunch", machine.BreakReason);

        machine.Resume(Start.AddMinutes(2));
        Assert.Equal(AgentStatus.Available, machine.Status);
        Assert.Null(machine.BreakReason);
    }

    [Fact]
    public void Full_call_cycle_walks_every_state_and_stamps_each_change()
    {
        var machine = new AgentStateMachine("a1", Start);
        machine.LogIn(Start);
        var events = new[]
        {
            machine.Reserve("c1", Start.AddSeconds(1)),
            machine.StartRinging(Start.AddSeconds(2)),
            machine.Answer(Start.AddSeconds(3)),
            machine.StartWrapUp(Start.AddSeconds(4)),
            machine.FinishWrapUp(Start.AddSeconds(5)),
        };

        Assert.Equal(
            [AgentState.Reserved, AgentState.Ringing, AgentState.OnCall, AgentState.WrapUp, AgentState.Idle],
            events.Select(e => e.To));
        Assert.All(events, e => Assert.Equal("c1", e.CallId));
        Assert.Equal(Enumerable.Range(1, 5).Select(s => Start.AddSeconds(s)), events.Select(e => e.At));
        Assert.Null(machine.CallId);
    }

    [Fact]
    public void Reserve_while_on_break_throws_typed_error_and_changes_nothing()
    {
        var machine = new AgentStateMachine("a1", Start);
        machine.LogIn(Start);
        machine.TakeBreak("training", Start);

        var error = Assert.Throws<AgentTransitionException>(() => machine.Reserve("c1", Start));

        Assert.Equal("a1", error.AgentId);
        Assert.Equal(nameof(AgentStateTransition.Reserve), error.Transition);
        Assert.Equal(AgentStatus.OnBreak, error.Status);
        Assert.Equal(AgentState.Idle, machine.State);
    }

    [Theory]
    [InlineData(AgentStateTransition.StartRinging)]
    [InlineData(AgentStateTransition.ReleaseOffer)]
    [InlineData(AgentStateTransition.MissOffer)]
    [InlineData(AgentStateTransition.Answer)]
    [InlineData(AgentStateTransition.StartWrapUp)]
    [InlineData(AgentStateTransition.FinishWrapUp)]
    public void State_transition_from_idle_other_than_reserve_is_illegal(AgentStateTransition transition)
    {
        var machine = new AgentStateMachine("a1", Start);
        machine.LogIn(Start);

        Assert.False(machine.CanApply(transition));
        Action attempt = transition switch
        {
            AgentStateTransition.StartRinging => () => machine.StartRinging(Start),
            AgentStateTransition.ReleaseOffer => () => machine.ReleaseOffer(Start),
            AgentStateTransition.MissOffer => () => machine.MissOffer(Start),
            AgentStateTransition.Answer => () => machine.Answer(Start),
            AgentStateTransition.StartWrapUp => () => machine.StartWrapUp(Start),
            _ => () => machine.FinishWrapUp(Start),
        };
        Assert.Throws<AgentTransitionException>(attempt);
    }

    [Fact]
    public void Status_transitions_reject_repeats_and_breaks_while_logged_out()
    {
        var machine = new AgentStateMachine("a1", Start);

        Assert.Throws<AgentTransitionException>(() => machine.TakeBreak("lunch", Start));
        Assert.Throws<AgentTransitionException>(() => machine.Resume(Start));
        Assert.Throws<AgentTransitionException>(() => machine.LogOut(Start));
        machine.LogIn(Start);
        Assert.Throws<AgentTransitionException>(() => machine.LogIn(Start));
        Assert.Throws<AgentTransitionException>(() => machine.Resume(Start));
    }

    [Fact]
    public void MissOffer_counts_consecutive_no_answers_and_answer_resets_them()
    {
        var machine = new AgentStateMachine("a1", Start);
        machine.LogIn(Start);
        for (var i = 0; i < 2; i++)
        {
            machine.Reserve("c" + i, Start);
            machine.StartRinging(Start);
            machine.MissOffer(Start);
        }

        Assert.Equal(2, machine.ConsecutiveNoAnswers);
        machine.Reserve("c9", Start);
        machine.StartRinging(Start);
        machine.Answer(Start);
        Assert.Equal(0, machine.ConsecutiveNoAnswers);
    }

    [Fact]
    public void Status_and_state_are_independent_break_during_call_keeps_call()
    {
        var machine = new AgentStateMachine("a1", Start);
        machine.LogIn(Start);
        machine.Reserve("c1", Start);
        machine.StartRinging(Start);
        machine.Answer(Start);

        machine.TakeBreak("after this call", Start);

        Assert.Equal(AgentState.OnCall, machine.State);
        Assert.Equal("c1", machine.CallId);
        Assert.False(machine.IsFree);
    }
}
