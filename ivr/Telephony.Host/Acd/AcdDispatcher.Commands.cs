using Telephony.Acd.Events;
using Telephony.Acd.Routing;
using Telephony.Acd.Store.Records;
using Telephony.Calls.Control;
using Telephony.Host.Calls;

namespace Telephony.Host.Acd;

public sealed partial class AcdDispatcher
{
    /// <summary>
    /// Records the result's events (metrics, queue events, the agent status log; <paramref name="changedBy"/> names who
    /// set a status) and carries out its commands in order. Runs on the loop. A status another host chose
    /// (<paramref name="statusLoggedByOrigin"/>) is in the status log already, written by that host.
    /// </summary>
    private void Apply(AcdResult result, string? changedBy = null, bool statusLoggedByOrigin = false)
    {
        _metrics.Record(result);
        foreach (var acdEvent in result.Events)
        {
            var queueOfCall = QueueEventMapper.CallIdOf(acdEvent) is { } callId && _calls.TryGetValue(callId, out var call) ? call.QueueId : null;
            if (!statusLoggedByOrigin || acdEvent is not AgentStatusChanged)
            {
                _records.Record(acdEvent, queueOfCall, changedBy);
            }
        }

        ObserveForDesk(result);
        _today.Record(result);
        _liveChanged = true;
        foreach (var command in result.Commands)
        {
            switch (command)
            {
                case ReserveAgent reserve:
                    Reserve(reserve);
                    break;
                case RingAgent ring:
                    Ring(ring);
                    break;
                case StopRinging stop:
                    if (_calls.TryGetValue(stop.CallId, out var ringing) && ringing.RingingAgent == stop.AgentId)
                    {
                        ringing.StopRinging();
                    }

                    break;
                case ReleaseReservation release:
                    InAgentOrder(release.AgentId, () => _reservations.ReleaseAsync(release.AgentId, release.CallId, CancellationToken.None).AsTask());
                    break;
                case OverflowCaller overflow:
                    Overflow(overflow);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown ACD command {command.GetType().Name}.");
            }
        }
    }

    /// <summary>
    /// Runs a reservation-store call for the agent after the ones issued before it for that agent. The engine may
    /// release an agent and reserve it again for the same caller in one result (a ring-out with nobody else waiting);
    /// run side by side, the delete could land after the re-reservation and leave the agent ringing with no row in
    /// the shared table, free for another host to take.
    /// </summary>
    private void InAgentOrder(string agentId, Func<Task> work)
    {
        var previous = _storeCallsByAgent.TryGetValue(agentId, out var tail) ? tail : Task.CompletedTask;
        _storeCallsByAgent[agentId] = _offLoop.Start(async () =>
        {
            await previous.ConfigureAwait(false);
            await work().ConfigureAwait(false);
        });
    }

    private void Reserve(ReserveAgent reserve) => InAgentOrder(reserve.AgentId, async () =>
    {
        bool reserved;
        try
        {
            reserved = await _reservations.TryReserveAsync(reserve.AgentId, reserve.CallId, _stopping).ConfigureAwait(false);
            if (!reserved)
            {
                AcdHostLog.AgentHeldElsewhere(_logger, reserve.AgentId, reserve.CallId);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A store we cannot reach must not hold the caller or book the agent twice: treat the agent as taken. The
            // engine leaves the agent alone for its back-off, offers the caller to the next agent, and asks again on a
            // later routing pass, so the caller waits (with music) until the store answers. The write may have landed
            // before the connection broke, so give it back as well.
            CallsLog.ReservationFailed(_logger, reserve.AgentId, exception);
            reserved = false;
            await ReleaseQuietlyAsync(reserve.AgentId, reserve.CallId).ConfigureAwait(false);
        }

        Post(() => Apply(reserved
            ? _engine.ConfirmReservation(reserve.AgentId, reserve.CallId)
            : _engine.RejectReservation(reserve.AgentId, reserve.CallId)));
    });

    private async Task ReleaseQuietlyAsync(string agentId, string callId)
    {
        try
        {
            await _reservations.ReleaseAsync(agentId, callId, _stopping).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            AcdHostLog.ReleaseFailed(_logger, agentId, callId, exception.Message);
        }
    }

    private void Ring(RingAgent ring)
    {
        if (!_calls.TryGetValue(ring.CallId, out var queued))
        {
            Apply(_engine.RingFailed(ring.CallId));
            return;
        }

        if (queued.Callback is not null)
        {
            RingForCallback(queued, ring);
            return;
        }

        queued.StopRinging();
        var request = new OriginateRequest(ring.Extension, queued.Caller.From, ring.RingTimeout)
        {
            DisplayName = $"{queued.Caller.From} ({ring.QueueId})",
            RelatedCallId = queued.Caller.Id,
        };
        StartRinging(
            queued, ring, request, CancellationTokenSource.CreateLinkedTokenSource(_stopping, queued.Caller.Ended), agentLeg => ConnectAsync(queued, ring, agentLeg));
    }

    /// <summary>
    /// Rings the reserved agent off the loop; <paramref name="answered"/> takes the agent's leg when they pick up, and a
    /// ring that fails (other than by cancellation) goes back to the engine so the next agent is tried.
    /// </summary>
    private void StartRinging(QueuedCall queued, RingAgent ring, OriginateRequest request, CancellationTokenSource cancellation, Func<ICall, Task> answered)
    {
        queued.RingingAgent = ring.AgentId;
        queued.RingCancellation = cancellation;
        var token = cancellation.Token;
        CallsLog.RingingAgent(_logger, ring.Extension, ring.QueueId);
        _ = _offLoop.Start(async () =>
        {
            OriginateResult result;
            try
            {
                result = await _backend.OriginateAsync(request, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (result.Call is { } agentLeg)
            {
                await answered(agentLeg).ConfigureAwait(false);
                return;
            }

            if (result.Failure != OriginateFailure.Cancelled)
            {
                CallsLog.RingFailed(_logger, ring.Extension, result.Failure);
                Post(() =>
                {
                    if (queued.RingingAgent == ring.AgentId)
                    {
                        queued.StopRinging();
                        Apply(_engine.RingFailed(ring.CallId));
                    }
                });
            }
        });
    }

    /// <summary>The agent picked up: confirm with the engine on the loop, then bridge off it.</summary>
    private async Task ConnectAsync(QueuedCall queued, RingAgent ring, ICall agentLeg)
    {
        var accepted = await PostAsync(
            () =>
            {
                if (queued.RingingAgent != ring.AgentId || queued.Caller.State == CallState.Ended)
                {
                    return false;
                }

                var answer = _engine.Answer(ring.CallId);
                Apply(answer);
                if (!answer.Accepted)
                {
                    return false;
                }

                queued.RingCancellation?.Dispose();
                queued.RingCancellation = null;
                queued.RingingAgent = null;
                queued.ConnectedAgent = ring.AgentId;
                queued.AgentLeg = agentLeg;
                return true;
            },
            CancellationToken.None).ConfigureAwait(false);

        if (!accepted)
        {
            // Answered too late (ring timeout, caller gone): the agent's phone must not stay connected to nothing.
            await agentLeg.HangupAsync(CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var caller = queued.Caller;
        try
        {
            var tap = _taps.Create(caller, agentLeg, ring.QueueId, ring.Extension);
            await caller.StopMusicOnHoldAsync(CancellationToken.None).ConfigureAwait(false);
            await caller.BridgeAsync(agentLeg, tap, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The caller's flow owns the call from here: it hears of the failure, hangs up both legs and ends the call.
            queued.Completion.TrySetException(exception);
            return;
        }

        CallsLog.Bridged(_logger, ring.Extension, ring.QueueId);
        queued.Completion.TrySetResult(new AcdWaitResult(AcdWaitOutcome.Answered, ring.QueueId, _time.GetUtcNow() - queued.EnqueuedAt)
        {
            AgentLeg = agentLeg,
            AgentExtension = ring.Extension,
        });
    }

    private void Overflow(OverflowCaller overflow)
    {
        if (!_calls.TryGetValue(overflow.CallId, out var queued))
        {
            return;
        }

        if (overflow.Target.QueueId is { } targetQueue)
        {
            // Another queue: the caller keeps its original place in time.
            queued.QueueId = targetQueue;
            Apply(_engine.Enqueue(new EnqueueRequest(queued.CallId, targetQueue, Requirements(queued.Skills), queued.Priority, queued.EnqueuedAt)));
            return;
        }

        queued.StopRinging();
        queued.EndedRegistration.Dispose();
        _calls.Remove(overflow.CallId);
        queued.Completion.TrySetResult(new AcdWaitResult(AcdWaitOutcome.Overflowed, overflow.QueueId, _time.GetUtcNow() - queued.EnqueuedAt)
        {
            Overflow = overflow.Target,
        });
    }
}
