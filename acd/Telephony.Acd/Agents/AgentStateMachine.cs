using Telephony.Acd.Events;

namespace Telephony.Acd.Agents;

/// <summary>
/// The agent's status (chosen by the agent) and state (set by the system) with named transitions.
/// Every transition returns the past-tense event describing it; a transition the current
/// status/state does not allow throws <see cref="AgentTransitionException"/> and changes nothing.
/// </summary>
public sealed class AgentStateMachine
{
    public AgentStateMachine(string agentId, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        AgentId = agentId;
        StatusChangedAt = createdAt;
        StateChangedAt = createdAt;
    }

    public string AgentId { get; }

    public AgentStatus Status { get; private set; } = AgentStatus.LoggedOut;

    /// <summary>Why the agent is on break; null unless <see cref="Status"/> is OnBreak.</summary>
    public string? BreakReason { get; private set; }

    public AgentState State { get; private set; } = AgentState.Idle;

    /// <summary>The call the agent is reserved for, ringing with, talking on or wrapping up; null when Idle.</summary>
    public string? CallId { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    /// <summary>Offers in a row that rang out; reset by an answer or by <see cref="ResetNoAnswers"/>.</summary>
    public int ConsecutiveNoAnswers { get; private set; }

    /// <summary>Available and Idle: the only combination that may receive an offer.</summary>
    public bool IsFree => Status == AgentStatus.Available && State == AgentState.Idle;

    public bool CanApply(AgentStatusTransition transition) => transition switch
    {
        AgentStatusTransition.LogIn => Status == AgentStatus.LoggedOut,
        AgentStatusTransition.TakeBreak => Status != AgentStatus.LoggedOut,
        AgentStatusTransition.Resume => Status == AgentStatus.OnBreak,
        AgentStatusTransition.LogOut => Status != AgentStatus.LoggedOut,
        _ => false,
    };

    public bool CanApply(AgentStateTransition transition) => transition switch
    {
        AgentStateTransition.Reserve => State == AgentState.Idle && Status == AgentStatus.Available,
        AgentStateTransition.StartRinging => State == AgentState.Reserved,
        AgentStateTransition.ReleaseOffer => State is AgentState.Reserved or AgentState.Ringing,
        AgentStateTransition.MissOffer => State == AgentState.Ringing,
        AgentStateTransition.Answer => State == AgentState.Ringing,
        AgentStateTransition.StartWrapUp => State == AgentState.OnCall,
        AgentStateTransition.FinishWrapUp => State == AgentState.WrapUp,
        _ => false,
    };

    public AgentStatusChanged LogIn(DateTimeOffset at) => ChangeStatus(AgentStatusTransition.LogIn, AgentStatus.Available, null, at);

    public AgentStatusChanged TakeBreak(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ChangeStatus(AgentStatusTransition.TakeBreak, AgentStatus.OnBreak, reason, at);
    }

    public AgentStatusChanged Resume(DateTimeOffset at) => ChangeStatus(AgentStatusTransition.Resume, AgentStatus.Available, null, at);

    public AgentStatusChanged LogOut(DateTimeOffset at) => ChangeStatus(AgentStatusTransition.LogOut, AgentStatus.LoggedOut, null, at);

    public AgentStateChanged Reserve(string callId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        return ChangeState(AgentStateTransition.Reserve, AgentState.Reserved, callId, at);
    }

    public AgentStateChanged StartRinging(DateTimeOffset at) => ChangeState(AgentStateTransition.StartRinging, AgentState.Ringing, CallId, at);

    public AgentStateChanged ReleaseOffer(DateTimeOffset at) => ChangeState(AgentStateTransition.ReleaseOffer, AgentState.Idle, null, at);

    public AgentStateChanged MissOffer(DateTimeOffset at)
    {
        var changed = ChangeState(AgentStateTransition.MissOffer, AgentState.Idle, null, at);
        ConsecutiveNoAnswers++;
        return changed;
    }

    public AgentStateChanged Answer(DateTimeOffset at)
    {
        var changed = ChangeState(AgentStateTransition.Answer, AgentState.OnCall, CallId, at);
        ConsecutiveNoAnswers = 0;
        return changed;
    }

    public AgentStateChanged StartWrapUp(DateTimeOffset at) => ChangeState(AgentStateTransition.StartWrapUp, AgentState.WrapUp, CallId, at);

    public AgentStateChanged FinishWrapUp(DateTimeOffset at) => ChangeState(AgentStateTransition.FinishWrapUp, AgentState.Idle, null, at);

    /// <summary>Clears the no-answer count, e.g. after the system paused the agent for it.</summary>
    public void ResetNoAnswers() => ConsecutiveNoAnswers = 0;

    private AgentStatusChanged ChangeStatus(AgentStatusTransition transition, AgentStatus to, string? reason, DateTimeOffset at)
    {
        if (!CanApply(transition))
        {
            throw new AgentTransitionException(AgentId, transition.ToString(), Status, State);
        }

        var from = Status;
        Status = to;
        BreakReason = reason;
        StatusChangedAt = at;
        return new AgentStatusChanged(AgentId, transition, from, to, reason, at);
    }

    private AgentStateChanged ChangeState(AgentStateTransition transition, AgentState to, string? callId, DateTimeOffset at)
    {
        if (!CanApply(transition))
        {
            throw new AgentTransitionException(AgentId, transition.ToString(), Status, State);
        }

        var from = State;
        var eventCallId = callId ?? CallId;
        State = to;
        CallId = callId;
        StateChangedAt = at;
        return new AgentStateChanged(AgentId, transition, from, to, eventCallId, at);
    }
}
