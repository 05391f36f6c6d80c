using Telephony.Acd.Agents;
using Telephony.Acd.Estimation;

namespace Telephony.Acd.Routing;

/// <summary>Read-only views for pages, announcements and tests.</summary>
public sealed partial class AcdEngine
{
    public AgentView? GetAgent(string agentId) =>
        agentId is not null && _agents.TryGetValue(agentId, out var agent) ? View(agent) : null;

    /// <summary>Every agent, ordered by id.</summary>
    public IReadOnlyList<AgentView> GetAgents() =>
        [.. _agents.Values.OrderBy(agent => agent.Id, StringComparer.Ordinal).Select(View)];

    public CallerView? GetCaller(string callId) =>
        callId is not null && _callers.TryGetValue(callId, out var caller) ? View(caller) : null;

    /// <summary>Every queued caller (waiting or being offered), in arrival order.</summary>
    public IReadOnlyList<CallerView> GetCallers() =>
        [.. _callers.Values.OrderBy(caller => caller.Sequence).Select(View)];

    /// <summary>
    /// Position and estimated wait for a queued caller, from its skill pool's handle-time average (the queue's
    /// InitialHandleTime until calls were measured) and the Available agents who qualify at its current level.
    /// </summary>
    public WaitEstimate? EstimateWait(string callId)
    {
        if (callId is null || !_callers.TryGetValue(callId, out var caller))
        {
            return null;
        }

        var pool = caller.Pool;
        var handleTime = pool.HandleTime.Average ?? caller.Queue.Definition.InitialHandleTime;
        var staffed = CountStaffed(pool.Levels[caller.Level]);
        var position = 0;
        if (caller.State == CallerState.Waiting)
        {
            foreach (var waiting in pool.Waiting)
            {
                position++;
                if (ReferenceEquals(waiting, caller))
                {
                    break;
                }
            }
        }

        TimeSpan? estimate = position == 0 ? TimeSpan.Zero
            : staffed == 0 ? null
            : handleTime * position / staffed;
        return new WaitEstimate(callId, caller.Queue.Id, pool.Language, position, pool.Waiting.Count, staffed, handleTime, estimate);
    }

    private int CountStaffed(ResolvedRequirement[] requirements)
    {
        var count = 0;
        var candidates = _loggedIn.Candidates(requirements);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Machine.Status == AgentStatus.Available && Meets(candidates[i], requirements))
            {
                count++;
            }
        }

        return count;
    }

    private static AgentView View(AgentSlot agent) => new(
        agent.Id,
        agent.Profile.Extension,
        agent.Machine.Status,
        agent.Machine.BreakReason,
        agent.Machine.State,
        agent.Machine.CallId,
        agent.IdleSince,
        agent.Machine.ConsecutiveNoAnswers,
        agent.BackoffUntil);

    private static CallerView View(WaitingCaller caller) => new(
        caller.CallId,
        caller.Queue.Id,
        caller.Priority,
        caller.EnqueuedAt,
        caller.Level,
        caller.OfferedTo?.Id);
}
