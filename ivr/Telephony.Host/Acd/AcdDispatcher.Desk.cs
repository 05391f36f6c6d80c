using Telephony.Acd.Agents;
using Telephony.Acd.Events;
using Telephony.Acd.Routing;

namespace Telephony.Host.Acd;

/// <summary>
/// What the agent desktop and the supervisor page read: since when each agent is in its state, the card of the call
/// each agent was last offered, and a signal that completes whenever the engine reported something, so live pages push
/// a new snapshot at once instead of polling. Everything here is read and written on the loop except the signal.
/// </summary>
public sealed partial class AcdDispatcher
{
    private readonly Dictionary<string, DateTimeOffset> _deskSince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeskCallCard> _deskCards = new(StringComparer.Ordinal);
    private TaskCompletionSource _deskChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next agent or caller change (or when <paramref name="cancellationToken"/> fires).</summary>
    public Task WhenDeskChangedAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _deskChanged).Task.WaitAsync(cancellationToken);

    /// <summary>The agent's desk now; null when no agent has this extension.</summary>
    public Task<AgentDeskSnapshot?> GetDeskAsync(string extension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return PostAsync(
            () => _agentIdsByExtension.TryGetValue(extension, out var agentId) && _engine.GetAgent(agentId) is { } agent ? Desk(agent) : null,
            cancellationToken);
    }

    /// <summary>Every caller in a queue with its place, and every agent with its call.</summary>
    public Task<SupervisorSnapshot> GetSupervisorSnapshotAsync(CancellationToken cancellationToken) => PostAsync(
        () =>
        {
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            var callers = new List<WaitingCallerSnapshot>();
            foreach (var caller in _engine.GetCallers())
            {
                var position = positions[caller.QueueId] = positions.GetValueOrDefault(caller.QueueId) + 1;
                _calls.TryGetValue(caller.CallId, out var queued);
                callers.Add(new WaitingCallerSnapshot(
                    caller.CallId,
                    caller.QueueId,
                    position,
                    queued?.Caller.From ?? string.Empty,
                    queued?.Language,
                    queued?.Topic,
                    caller.EnqueuedAt,
                    caller.OfferedTo is { } offeredTo ? ExtensionOf(offeredTo) : null));
            }

            return new SupervisorSnapshot(_time.GetUtcNow(), callers, [.. _engine.GetAgents().Select(Desk)]);
        },
        cancellationToken);

    /// <summary>
    /// Ends the agent's wrap-up of <paramref name="callId"/> early. <see cref="AcdRejection.IllegalTransition"/> when the
    /// agent is not (any longer) wrapping up that call, e.g. because the queue's wrap-up time ran out first.
    /// </summary>
    public Task<AcdRejection> EndWrapUpAsync(string extension, string callId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return PostAsync(
            () =>
            {
                if (!_agentIdsByExtension.TryGetValue(extension, out var agentId) || _engine.GetAgent(agentId) is not { } agent)
                {
                    return AcdRejection.UnknownAgent;
                }

                if (agent.State != AgentState.WrapUp || !string.Equals(agent.CallId, callId, StringComparison.Ordinal))
                {
                    return AcdRejection.IllegalTransition;
                }

                var result = _engine.EndWrapUp(agentId);
                Apply(result);
                return result.Rejection;
            },
            cancellationToken);
    }

    private AgentDeskSnapshot Desk(AgentView agent)
    {
        _deskCards.TryGetValue(agent.AgentId, out var last);
        var current = last is not null && agent.State != AgentState.Idle && string.Equals(agent.CallId, last.CallId, StringComparison.Ordinal) ? last : null;
        return new AgentDeskSnapshot(
            agent.Extension,
            agent.Status,
            agent.BreakReason,
            agent.State,
            _deskSince.TryGetValue(agent.AgentId, out var since) ? since : agent.IdleSince,
            current,
            last);
    }

    /// <summary>Runs on the loop for every engine result.</summary>
    private void ObserveForDesk(AcdResult result)
    {
        if (result.Events.Count == 0)
        {
            return;
        }

        foreach (var acdEvent in result.Events)
        {
            switch (acdEvent)
            {
                case AgentStateChanged state:
                    _deskSince[state.AgentId] = state.At;
                    break;
                case AgentStatusChanged status:
                    _deskSince[status.AgentId] = status.At;
                    break;
                case AgentOffered offered when _calls.TryGetValue(offered.CallId, out var queued):
                    _deskCards[offered.AgentId] = new DeskCallCard(
                        offered.CallId, queued.Caller.From, offered.QueueId, queued.Language, queued.Topic, queued.EnqueuedAt, offered.At);
                    break;
                case CallerAnswered answered when _deskCards.TryGetValue(answered.AgentId, out var card) && card.CallId == answered.CallId:
                    _deskCards[answered.AgentId] = card with { AnsweredAt = answered.At };
                    break;
                default:
                    break;
            }
        }

        Interlocked.Exchange(ref _deskChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
