namespace Telephony.Acd.Agents;

/// <summary>Named transitions of <see cref="AgentState"/>.</summary>
public enum AgentStateTransition
{
    /// <summary>Idle → Reserved, only while the agent is Available.</summary>
    Reserve,

    /// <summary>Reserved → Ringing once the reservation is confirmed.</summary>
    StartRinging,

    /// <summary>Reserved or Ringing → Idle without an answer that is the agent's fault (reservation failed, caller left, offer withdrawn).</summary>
    ReleaseOffer,

    /// <summary>Ringing → Idle because the agent did not answer; counts towards the no-answer limit.</summary>
    MissOffer,

    /// <summary>Ringing → OnCall.</summary>
    Answer,

    /// <summary>OnCall → WrapUp when the call ends.</summary>
    StartWrapUp,

    /// <summary>WrapUp → Idle.</summary>
    FinishWrapUp,
}
