namespace Telephony.Host.Acd.Live;

/// <summary>
/// One word for an agent on the wallboard: what the system is doing with them when anything (reserved, ringing, on a
/// call, wrap-up), otherwise what they chose (idle and available, on break, logged out).
/// </summary>
public enum AgentLiveState
{
    Idle,
    Reserved,
    Ringing,
    OnCall,
    WrapUp,
    Break,
    LoggedOut,
}
