using Telephony.Acd.Agents;
using Telephony.Acd.Events;
using Telephony.Acd.Queues;

namespace Telephony.Acd.Routing;

public sealed partial class AcdEngine
{
    /// <summary>
    /// A caller arrives. It overflows at once when the queue is full, when nobody logged in could ever serve it and
    /// the queue says so, or when it already waited past MaxWait; otherwise it is queued and, if a free agent
    /// qualifies, reserved for the best one.
    /// </summary>
    public AcdResult Enqueue(EnqueueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.CallId);
        ArgumentNullException.ThrowIfNull(request.RequiredSkills);
        if (!_queues.TryGetValue(request.QueueId, out var queue))
        {
            return Reject(AcdRejection.UnknownQueue);
        }

        // A call whose agent is in wrap-up may come back (the agent transferred it to another queue); one still being
        // talked on may not.
        if (_callers.ContainsKey(request.CallId)
            || (_connectedCalls.TryGetValue(request.CallId, out var talking) && talking.Machine.State != AgentState.WrapUp))
        {
            return Reject(AcdRejection.DuplicateCall);
        }

        var now = Now;
        var enqueuedAt = request.EnqueuedAt is { } at && at < now ? at : now;
        var pool = GetPool(queue, request.RequiredSkills);
        var caller = new WaitingCaller(request.CallId, pool, request.Priority, enqueuedAt, _sequence++) { IsCallback = request.IsCallback };
        var definition = queue.Definition;
        var waited = now - enqueuedAt;
        if (definition.MaxLength is { } maxLength && queue.Length >= maxLength && !caller.IsCallback)
        {
            EmitOverflow(caller, OverflowReason.QueueFull, now);
            return Finish();
        }

        if (definition.WhenNoAgents == NoAgentsBehavior.Overflow && !AnyLoggedIn(pool) && !caller.IsCallback)
        {
            EmitOverflow(caller, OverflowReason.NoAgentsLoggedIn, now);
            return Finish();
        }

        if (definition.MaxWait is { } maxWait && waited >= maxWait && !caller.IsCallback)
        {
            EmitOverflow(caller, OverflowReason.MaxWaitReached, now);
            return Finish();
        }

        caller.Level = LevelAfter(definition, waited);
        _callers.Add(caller.CallId, caller);
        queue.Length++;
        AddToPool(caller);
        Emit(new CallerQueued(caller.CallId, queue.Id, caller.Priority, enqueuedAt, now));
        ScheduleNextRelaxation(caller);
        if (definition.MaxWait is { } limit && !caller.IsCallback)
        {
            Schedule(enqueuedAt + limit, new TimerEntry(TimerKind.MaxWait, null, caller, 0));
        }

        TryOfferCaller(caller);
        return Finish();
    }

    /// <summary>The caller hung up (or left for a callback) before being answered; any offer in progress is cancelled.</summary>
    public AcdResult Abandon(string callId)
    {
        if (callId is null || !_callers.TryGetValue(callId, out var caller))
        {
            return Reject(AcdRejection.UnknownCall);
        }

        var now = Now;
        var agent = caller.OfferedTo;
        RemoveCaller(caller);
        if (agent is not null)
        {
            ReleaseOffer(agent);
        }

        Emit(new CallerAbandoned(callId, caller.Queue.Id, now - caller.EnqueuedAt, now));
        if (agent is not null)
        {
            TryOfferAgent(agent);
        }

        return Finish();
    }

    private static int LevelAfter(AcdQueue queue, TimeSpan waited)
    {
        var level = 0;
        while (level < queue.RelaxationSteps.Count && queue.RelaxationSteps[level].After <= waited)
        {
            level++;
        }

        return level;
    }

    private void ScheduleNextRelaxation(WaitingCaller caller)
    {
        var steps = caller.Queue.Definition.RelaxationSteps;
        if (caller.Level < steps.Count)
        {
            Schedule(caller.EnqueuedAt + steps[caller.Level].After, new TimerEntry(TimerKind.Relaxation, null, caller, caller.Level + 1));
        }
    }

    /// <summary>
    /// Ends the agent's offer without blaming the agent: Reserved/Ringing → Idle, the phone stops ringing and the
    /// shared reservation is released. The caller is the caller's business (requeue, abandon).
    /// </summary>
    private void ReleaseOffer(AgentSlot agent)
    {
        var callId = agent.Machine.CallId!;
        var wasRinging = agent.Machine.State == AgentState.Ringing;
        agent.OfferedCaller = null;
        agent.TimerVersion++;
        Emit(agent.Machine.ReleaseOffer(Now));
        if (wasRinging)
        {
            Command(new StopRinging(agent.Id, callId));
        }

        Command(new ReleaseReservation(agent.Id, callId));
        UpdateIndexes(agent);
    }

    /// <summary>An offer ended without an answer: the caller goes back to its old place, or overflows if its time is up.</summary>
    private void ReturnToQueue(WaitingCaller caller, AgentSlot? missedBy)
    {
        caller.State = CallerState.Waiting;
        caller.OfferedTo = null;
        if (missedBy is not null)
        {
            caller.RecordMiss(missedBy);
        }

        var now = Now;
        if (caller.Queue.Definition.MaxWait is { } maxWait && now - caller.EnqueuedAt >= maxWait && !caller.IsCallback)
        {
            RemoveCaller(caller);
            EmitOverflow(caller, OverflowReason.MaxWaitReached, now);
            return;
        }

        AddToPool(caller);
        TryOfferCaller(caller);
    }

    private void RemoveCaller(WaitingCaller caller)
    {
        if (caller.State == CallerState.Waiting)
        {
            RemoveFromPool(caller);
        }

        _callers.Remove(caller.CallId);
        caller.Queue.Length--;
        caller.Removed = true;
    }

    private void EmitOverflow(WaitingCaller caller, OverflowReason reason, DateTimeOffset now)
    {
        var target = caller.Queue.Definition.Overflow!;
        Emit(new CallerOverflowed(caller.CallId, caller.Queue.Id, reason, target, now - caller.EnqueuedAt, now));
        Command(new OverflowCaller(caller.CallId, caller.Queue.Id, reason, target));
    }

    /// <summary>After agents leave: callers of queues that overflow when nobody is logged in must not wait for no one.</summary>
    private void OverflowPoolsWithoutAgents()
    {
        var now = Now;
        for (var p = _activePools.Count - 1; p >= 0; p--)
        {
            if (p >= _activePools.Count)
            {
                continue;
            }

            var pool = _activePools[p];
            if (pool.Queue.Definition.WhenNoAgents != NoAgentsBehavior.Overflow || AnyLoggedIn(pool))
            {
                continue;
            }

            foreach (var caller in pool.Waiting.Where(waiting => !waiting.IsCallback).ToArray())
            {
                RemoveCaller(caller);
                EmitOverflow(caller, OverflowReason.NoAgentsLoggedIn, now);
            }
        }
    }
}
