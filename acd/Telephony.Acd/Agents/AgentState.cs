namespace Telephony.Acd.Agents;

/// <summary>What the system is doing with the agent, independent of the agent's chosen status.</summary>
public enum AgentState
{
    Idle,
    Reserved,
    Ringing,
    OnCall,
    WrapUp,
}
