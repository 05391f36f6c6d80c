using Telephony.Acd.Agents;
using Telephony.Acd.Routing;

namespace Telephony.Host.Acd.Live;

/// <summary>Maps an agent's status and state to its <see cref="AgentLiveState"/>, and the states to their exported names.</summary>
public static class AgentLiveStates
{
    /// <summary>Every state in display order.</summary>
    public static IReadOnlyList<AgentLiveState> All { get; } = Enum.GetValues<AgentLiveState>();

    public static AgentLiveState Of(AgentView agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.State switch
        {
            AgentState.Reserved => AgentLiveState.Reserved,
            AgentState.Ringing => AgentLiveState.Ringing,
            AgentState.OnCall => AgentLiveState.OnCall,
            AgentState.WrapUp => AgentLiveState.WrapUp,
            _ => agent.Status switch
            {
                AgentStatus.Available => AgentLiveState.Idle,
                AgentStatus.OnBreak => AgentLiveState.Break,
                _ => AgentLiveState.LoggedOut,
            },
        };
    }

    /// <summary>The label value on /metrics and the key in /api/wallboard: snake case.</summary>
    public static string NameOf(AgentLiveState state) => state switch
    {
        AgentLiveState.Idle => "idle",
        AgentLiveState.Reserved => "reserved",
        AgentLiveState.Ringing => "ringing",
        AgentLiveState.OnCall => "on_call",
        AgentLiveState.WrapUp => "wrap_up",
        AgentLiveState.Break => "break",
        _ => "logged_out",
    };
}
