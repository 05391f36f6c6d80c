namespace Telephony.Acd.Agents;

/// <summary>Named transitions of <see cref="AgentStatus"/>.</summary>
public enum AgentStatusTransition
{
    /// <summary>LoggedOut → Available.</summary>
    LogIn,

    /// <summary>Available or OnBreak → OnBreak (a new reason).</summary>
    TakeBreak,

    /// <summary>OnBreak → Available.</summary>
    Resume,

    /// <summary>Available or OnBreak → LoggedOut.</summary>
    LogOut,
}
