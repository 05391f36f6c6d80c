using Telephony.Acd.Agents;
using Telephony.Acd.Events;

namespace Telephony.Acd.Routing;

/// <summary>Status changes chosen by the agent.</summary>
public sealed partial class AcdEngine
{
    /// <summary>LoggedOut → Available; the agent may be offered a waiting caller at once.</summary>
    public AcdResult LogIn(string agentId) => ChangeStatus(agentId, AgentStatusTransition.LogIn, null);

    /// <summary>
    /// Available/OnBreak → OnBreak. An offer in progress is withdrawn and its caller keeps its place;
    /// a connected call or wrap-up carries on, and the agent gets no new call afterwards.
    /// </summary>
    public AcdResult TakeBreak(string agentId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ChangeStatus(agentId, AgentStatusTransition.TakeBreak, reason);
    }

    /// <summary>OnBreak → Available.</summary>
    public AcdResult Resume(string agentId) => ChangeStatus(agentId, AgentStatusTransition.Resume, null);

    /// <summary>Available/OnBreak → LoggedOut, withdrawing an offer in progress like <see cref="TakeBreak"/>.</summary>
    public AcdResult LogOut(string agentId) => ChangeStatus(agentId, AgentStatusTransition.LogOut, null);

    /// <summary>
    /// LoggedOut → OnBreak in one step: logged in and on the break at once, never free in between, so no caller is
    /// offered to the agent. How a host takes over a break chosen through another host while it had the agent logged out.
    /// </summary>
    public AcdResult LogInOnBreak(string agentId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (agentId is null || !_agents.TryGetValue(agentId, out var agent))
        {
            return Reject(AcdRejection.UnknownAgent);
        }

        if (!agent.Machine.CanApply(AgentStatusTransition.LogIn))
        {
            return Reject(AcdRejection.IllegalTransition);
        }

        var now = Now;
        Emit(agent.Machine.LogIn(now));
        Emit(agent.Machine.TakeBreak(reason, now));
        UpdateIndexes(agent);
        return Finish();
    }

    /// <summary>The status an agent asked for (the PUT /api/agents/{extension}/status shape), mapped to its named transition.</summary>
    public AcdResult SetStatus(string agentId, AgentStatus status, string? breakReason = null)
    {
        if (agentId is null || !_agents.TryGetValue(agentId, out var agent))
        {
            return Reject(AcdRejection.UnknownAgent);
        }

        return status switch
        {
            AgentStatus.Available when agent.Machine.Status == AgentStatus.LoggedOut => LogIn(agentId),
            AgentStatus.Available => Resume(agentId),
            AgentStatus.OnBreak => TakeBreak(agentId, breakReason ?? string.Empty),
            AgentStatus.LoggedOut => LogOut(agentId),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown agent status."),
        };
    }

    private AcdResult ChangeStatus(string agentId, AgentStatusTransition transition, string? reason)
    {
        if (agentId is null || !_agents.TryGetValue(agentId, out var agent))
        {
            return Reject(AcdRejection.UnknownAgent);
        }

        if (!agent.Machine.CanApply(transition))
        {
            return Reject(AcdRejection.IllegalTransition);
        }

        ApplyStatus(agent, transition, reason);
        if (transition == AgentStatusTransition.LogOut)
        {
            OverflowPoolsWithoutAgents();
        }

        return Finish();
    }

    private void ApplyStatus(AgentSlot agent, AgentStatusTransition transition, string? reason)
    {
        var now = Now;
        var wasFree = agent.Machine.IsFree;
        Emit(transition switch
        {
            AgentStatusTransition.LogIn => agent.Machine.LogIn(now),
            AgentStatusTransition.TakeBreak => agent.Machine.TakeBreak(reason!, now),
            AgentStatusTransition.Resume => agent.Machine.Resume(now),
            _ => agent.Machine.LogOut(now),
        });

        if (agent.Machine.IsFree)
        {
            if (!wasFree)
            {
                agent.IdleSince = now;
            }

            UpdateIndexes(agent);
            TryOfferAgent(agent);
            return;
        }

        // Status first, then the offer: once Idle again the agent is not free, so the caller cannot bounce back to them.
        var offered = agent.OfferedCaller;
        if (offered is not null)
        {
            ReleaseOffer(agent);
            Emit(new OfferWithdrawn(agent.Id, offered.CallId, now));
            ReturnToQueue(offered, null);
        }

        UpdateIndexes(agent);
    }
}
