namespace Telephony.Acd.Agents;

/// <summary>What the agent chose; the system never changes it except to pause an agent who misses calls.</summary>
public enum AgentStatus
{
    LoggedOut,
    Available,
    OnBreak,
}
