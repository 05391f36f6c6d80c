using Telephony.Calls.Sip;
using Telephony.Sip.Registrar;
using Telephony.Sip.Transport;

namespace Telephony.Host.CallPlane;

/// <summary>Where an agent's phone is: its registrations, Contact URIs as the phone sent them, reached at the address it registered from, on the transport it registered over (a TLS phone's INVITE reuses its TLS connection).</summary>
internal sealed class RegistrarLocationService(IRegistrationStore registrations) : ISipLocationService
{
    public async Task<IReadOnlyList<SipLocation>> FindContactsAsync(string user, CancellationToken cancellationToken)
    {
        var bindings = await registrations.FindContactsAsync(user, cancellationToken);
        return [.. bindings
            .OrderByDescending(b => b.Q)
            .ThenByDescending(b => b.ExpiresAt)
            .Select(b => new SipLocation(b.ContactUri, b.Source,
                SipTransportNames.TryParse(b.Transport, out var kind) ? kind : SipTransportKind.Udp))];
    }
}
