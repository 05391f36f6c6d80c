namespace Telephony.Calls.Sip;

/// <summary>
/// Where a registered user can be reached: the registrar's bindings for the user part of an address of record.
/// The registrar implements it; the SIP call backend only dials users it finds here (or allow-listed numbers).
/// </summary>
public interface ISipLocationService
{
    /// <summary>The user's current contacts, preferred first; empty when the user is not registered.</summary>
    Task<IReadOnlyList<SipLocation>> FindContactsAsync(string user, CancellationToken cancellationToken);
}
