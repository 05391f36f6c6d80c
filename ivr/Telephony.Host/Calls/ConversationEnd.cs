namespace Telephony.Host.Calls;

/// <summary>How a caller's conversation with an agent ended.</summary>
internal enum ConversationEnd
{
    /// <summary>The caller hung up; the agent's leg was hung up after it.</summary>
    CallerLeft,

    /// <summary>The agent hung up; the caller stays up for what follows (the survey).</summary>
    AgentLeft,

    /// <summary>The agent transferred the caller to another queue (REFER); the agent's leg was hung up.</summary>
    Transferred,
}
