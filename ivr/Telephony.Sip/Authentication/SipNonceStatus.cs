namespace Telephony.Sip.Authentication;

/// <summary>What a received nonce turned out to be.</summary>
public enum SipNonceStatus
{
    /// <summary>Ours, and within its lifetime.</summary>
    Valid,

    /// <summary>Ours but expired: challenge again with stale=true so the phone retries without asking for the password.</summary>
    Stale,

    /// <summary>Not issued by us (or tampered with): challenge afresh.</summary>
    Invalid,
}
