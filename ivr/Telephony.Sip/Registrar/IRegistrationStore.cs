namespace Telephony.Sip.Registrar;

/// <summary>
/// The location service (RFC 3261 10.3): bindings of an address-of-record (the SIP user name) to contacts. A binding is
/// identified by AOR and the verbatim Contact URI. Expired bindings are never returned.
/// </summary>
public interface IRegistrationStore
{
    /// <summary>The current bindings of a user, for the registrar and for the call layer that routes to the user's phones.</summary>
    Task<IReadOnlyList<SipBinding>> FindContactsAsync(string aor, CancellationToken cancellationToken);

    /// <summary>Adds the binding, or refreshes the one with the same AOR and Contact URI.</summary>
    Task SaveAsync(SipBinding binding, CancellationToken cancellationToken);

    Task RemoveAsync(string aor, string contactUri, CancellationToken cancellationToken);

    Task RemoveAllAsync(string aor, CancellationToken cancellationToken);
}
