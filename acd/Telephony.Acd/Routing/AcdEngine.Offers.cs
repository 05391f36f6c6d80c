using Telephony.Acd.Agents;
using Telephony.Acd.Events;

namespace Telephony.Acd.Routing;

/// <summary>The offer lifecycle: reservation outcome, ringing, answer, hang-up, wrap-up.</summary>
public sealed partial class AcdEngine
{
    /// <summary>
    /// The shared store granted the agent for the call: Reserved → Ringing and the host rings the phone.
    /// A confirmation that arrives after the offer ended is rejected with a <see cref="ReleaseReservation"/>
    /// command, so a grant that raced with a cancellation is given back.
    /// </summary>
    public AcdResult ConfirmReservation(string agentId, string callId)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(callId);
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            Command(new ReleaseReservation(agentId, callId));
            return Reject(AcdRejection.UnknownAgent);
        }

        var caller = agent.OfferedCaller;
        if (agent.Machine.State != AgentState.Reserved || caller is null || caller.CallId != callId)
        {
            Command(new ReleaseReservation(agentId, callId));
            return Reject(AcdRejection.NotOffered);
        }

        var now = Now;
        Emit(agent.Machine.StartRinging(now));
        var ringTimeout = caller.Queue.Definition.RingTimeout;
        var deadline = now + ringTimeout;
        agent.TimerVersion++;
        Schedule(deadline, new TimerEntry(TimerKind.RingTimeout, agent, null, agent.TimerVersion));
        Command(new RingAgent(agent.Id, agent.Profile.Extension, callId, caller.Queue.Id, ringTimeout));
        Emit(new AgentOffered(agent.Id, callId, caller.Queue.Id, deadline, now));
        return Finish();
    }

    /// <summary>
    /// The shared store refused the agent (another process holds them). The agent is left alone for the
    /// configured back-off and the caller is offered to the next best free agent.
    /// </summary>
    public AcdResult RejectReservation(string agentId, string callId)
    {
        if (agentId is null || !_agents.TryGetValue(agentId, out var agent))
        {
            return Reject(AcdRejection.UnknownAgent);
        }

        var caller = agent.OfferedCaller;
        if (agent.Machine.State != AgentState.Reserved || caller is null || caller.CallId != callId)
        {
            return Reject(AcdRejection.NotOffered);
        }

        var now = Now;
        agent.OfferedCaller = null;
        Emit(agent.Machine.ReleaseOffer(now));
        Emit(new AgentReservationFailed(agent.Id, callId, now));
        var backoffEnd = now + _options.ReservationConflictBackoff;
        agent.BackoffUntil = backoffEnd;
        agent.BackoffVersion++;
        Schedule(backoffEnd, new TimerEntry(TimerKind.ReservationBackoffEnd, agent, null, agent.BackoffVersion));
        UpdateIndexes(agent);
        ReturnToQueue(caller, agent);
        return Finish();
    }

    /// <summary>The agent picked up: Ringing → OnCall and the caller leaves the queue. The host bridges the two.</summary>
    public AcdResult Answer(string callId)
    {
        if (callId is null || !_callers.TryGetValue(callId, out var caller))
        {
            return Reject(AcdRejection.UnknownCall);
        }

        var agent = caller.OfferedTo;
        if (agent is null || agent.Machine.State != AgentState.Ringing)
        {
            return Reject(AcdRejection.NotOffered);
        }

        var now = Now;
        agent.TimerVersion++;
        agent.OfferedCaller = null;
        Emit(agent.Machine.Answer(now));
        RemoveCaller(caller);
        agent.ActivePool = caller.Pool;
        agent.AnsweredAt = now;
        _connectedCalls[callId] = agent; // replaces an earlier agent still wrapping up a call transferred to this queue
        var waited = now - caller.EnqueuedAt;
        Emit(new CallerAnswered(callId, caller.Queue.Id, agent.Id, waited, waited <= caller.Queue.Definition.ServiceLevel.Threshold, now));
        return Finish();
    }

    /// <summary>Ringing the agent failed (unreachable, busy, declined): handled like a ring timeout.</summary>
    public AcdResult RingFailed(string callId)
    {
        if (callId is null || !_callers.TryGetValue(callId, out var caller))
        {
            return Reject(AcdRejection.UnknownCall);
        }

        var agent = caller.OfferedTo;
        if (agent is null || agent.Machine.State != AgentState.Ringing)
        {
            return Reject(AcdRejection.NotOffered);
        }

        HandleNoAnswer(agent);
        return Finish();
    }

    /// <summary>A connected call ended: OnCall → WrapUp for the queue's wrap-up time (→ Idle at once when it is zero).</summary>
    public AcdResult Hangup(string callId)
    {
        if (callId is null || !_connectedCalls.TryGetValue(callId, out var agent))
        {
            return Reject(AcdRejection.UnknownCall);
        }

        if (agent.Machine.State != AgentState.OnCall)
        {
            return Reject(AcdRejection.NotOffered);
        }

        var now = Now;
        var pool = agent.ActivePool!;
        Emit(agent.Machine.StartWrapUp(now));
        Emit(new CallEnded(callId, pool.Queue.Id, agent.Id, now - agent.AnsweredAt, now));
        var wrapUp = pool.Queue.Definition.WrapUp;
        if (wrapUp == TimeSpan.Zero)
        {
            FinishWrapUp(agent);
        }
        else
        {
            agent.TimerVersion++;
            Schedule(now + wrapUp, new TimerEntry(TimerKind.WrapUpEnd, agent, null, agent.TimerVersion));
        }

        return Finish();
    }

    /// <summary>The agent finished wrap-up early (pressed "ready").</summary>
    public AcdResult EndWrapUp(string agentId)
    {
        if (agentId is null || !_agents.TryGetValue(agentId, out var agent))
        {
            return Reject(AcdRejection.UnknownAgent);
        }

        if (!agent.Machine.CanApply(AgentStateTransition.FinishWrapUp))
        {
            return Reject(AcdRejection.IllegalTransition);
        }

        FinishWrapUp(agent);
        return Finish();
    }

    private void FinishWrapUp(AgentSlot agent)
    {
        var now = Now;
        var callId = agent.Machine.CallId!;
        var pool = agent.ActivePool!;
        agent.TimerVersion++;
        Emit(agent.Machine.FinishWrapUp(now));
        var handleTime = now - agent.AnsweredAt;
        pool.HandleTime.Add(handleTime);
        Emit(new HandleTimeRecorded(callId, pool.Queue.Id, agent.Id, handleTime, now));
        if (_connectedCalls.TryGetValue(callId, out var current) && current == agent)
        {
            _connectedCalls.Remove(callId);
        }

        agent.ActivePool = null;
        agent.IdleSince = now;
        Command(new ReleaseReservation(agent.Id, callId));
        UpdateIndexes(agent);
        TryOfferAgent(agent);
    }

    /// <summary>
    /// The agent let the call ring out: Ringing → Idle at the back of the idle line, the caller returns to its place
    /// and goes to the next agent; after the queue's no-answer limit the agent is put on break.
    /// </summary>
    private void HandleNoAnswer(AgentSlot agent)
    {
        var now = Now;
        var caller = agent.OfferedCaller!;
        agent.OfferedCaller = null;
        agent.TimerVersion++;
        Emit(agent.Machine.MissOffer(now));
        agent.IdleSince = now;
        Command(new StopRinging(agent.Id, caller.CallId));
        Command(new ReleaseReservation(agent.Id, caller.CallId));
        var misses = agent.Machine.ConsecutiveNoAnswers;
        Emit(new OfferTimedOut(agent.Id, caller.CallId, misses, now));
        if (misses >= caller.Queue.Definition.NoAnswerLimit && agent.Machine.CanApply(AgentStatusTransition.TakeBreak))
        {
            Emit(agent.Machine.TakeBreak(_options.NoAnswerBreakReason, now));
            agent.Machine.ResetNoAnswers();
            Emit(new AgentPaused(agent.Id, _options.NoAnswerBreakReason, misses, now));
        }

        UpdateIndexes(agent);
        ReturnToQueue(caller, agent);
        TryOfferAgent(agent);
    }
}
