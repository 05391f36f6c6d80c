namespace Telephony.Calls.Control;

/// <summary>Why we refuse an inbound call; each backend maps it to its protocol (SIP 486, 480, 404, 503 …).</summary>
public enum CallRejection
{
    Busy,
    TemporarilyUnavailable,
    NotFound,
    ServiceUnavailable,
    Forbidden,
}
