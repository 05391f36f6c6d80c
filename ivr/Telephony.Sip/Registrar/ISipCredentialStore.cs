namespace Telephony.Sip.Registrar;

/// <summary>Where the registrar finds the HA1s of a SIP user name (in the registrar's realm).</summary>
public interface ISipCredentialStore
{
    /// <summary>The user's HA1s, or null when there is no such user.</summary>
    Task<SipCredentials?> FindAsync(string userName, CancellationToken cancellationToken);
}
