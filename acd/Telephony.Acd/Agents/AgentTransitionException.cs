namespace Telephony.Acd.Agents;

/// <summary>An agent status or state transition was attempted from a state that does not allow it.</summary>
public sealed class AgentTransitionException : InvalidOperationException
{
    public AgentTransitionException()
    {
    }

    public AgentTransitionException(string message)
        : base(message)
    {
    }

    public AgentTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AgentTransitionException(string agentId, string transition, AgentStatus status, AgentState state)
        : base($"Agent '{agentId}' cannot {transition} while {status}/{state}.")
    {
        AgentId = agentId;
        Transition = transition;
        Status = status;
        State = state;
    }

    public string? AgentId { get; }

    /// <summary>Name of the attempted <see cref="AgentStatusTransition"/> or <see cref="AgentStateTransition"/>.</summary>
    public string? Transition { get; }

    public AgentStatus Status { get; }

    public AgentState State { get; }
}
