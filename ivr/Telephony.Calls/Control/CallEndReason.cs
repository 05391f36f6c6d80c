namespace Telephony.Calls.Control;

public enum CallEndReason
{
    /// <summary>The far end hung up (SIP BYE or CANCEL from them).</summary>
    RemoteHangup,

    /// <summary>We hung up.</summary>
    LocalHangup,

    /// <summary>We refused the call before answering.</summary>
    Rejected,

    /// <summary>No media arrived for longer than the inactivity timeout: a dead call.</summary>
    MediaTimeout,

    /// <summary>The server is shutting down and the grace period ran out.</summary>
    Shutdown,

    /// <summary>Signalling failed (no ACK, transport error).</summary>
    Failed,
}
