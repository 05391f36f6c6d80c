namespace Telephony.Acd.Queues;

/// <summary>What happens to a caller when no logged-in agent could ever serve them.</summary>
public enum NoAgentsBehavior
{
    /// <summary>Keep waiting; somebody may log in.</summary>
    Wait,

    /// <summary>Send the caller to the queue's overflow target at once.</summary>
    Overflow,
}
