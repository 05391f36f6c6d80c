using Telephony.Acd.Agents;

namespace Telephony.Acd.Store.Status;

/// <summary>The words acd_agent_status_log.value holds for statuses and states.</summary>
internal static class AgentStatusNames
{
    public static string Of(AgentStatus status) => status switch
    {
        AgentStatus.LoggedOut => "loggedOut",
        AgentStatus.Available => "available",
        AgentStatus.OnBreak => "onBreak",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown agent status."),
    };

    public static string Of(AgentState state) => state switch
    {
        AgentState.Idle => "idle",
        AgentState.Reserved => "reserved",
        AgentState.Ringing => "ringing",
        AgentState.OnCall => "onCall",
        AgentState.WrapUp => "wrapUp",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown agent state."),
    };

    public static AgentStatus ParseStatus(string value) => value switch
    {
        "loggedOut" => AgentStatus.LoggedOut,
        "available" => AgentStatus.Available,
        "onBreak" => AgentStatus.OnBreak,
        _ => throw new FormatException($"'{value}' is not an agent status."),
    };
}
