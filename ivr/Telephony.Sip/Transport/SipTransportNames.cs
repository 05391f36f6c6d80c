using Telephony.Sip.Messages;

namespace Telephony.Sip.Transport;

/// <summary>
/// Transport names as SIP writes them (Via sent-protocol, the <c>transport</c> URI parameter) and the transport a URI
/// asks for: <c>sips:</c> and <c>transport=tls</c> mean TLS (RFC 3261 19.1.2, 26.2.2), <c>transport=tcp</c> TCP.
/// </summary>
public static class SipTransportNames
{
    /// <summary>The name in a Via header: UDP, TCP or TLS (the loop network poses as UDP).</summary>
    public static string ViaName(SipTransportKind kind) => kind switch
    {
        SipTransportKind.Tcp => "TCP",
        SipTransportKind.Tls => "TLS",
        _ => "UDP",
    };

    /// <summary>Reads a Via or registration transport name (any case); false for names we have no transport for.</summary>
    public static bool TryParse(string? name, out SipTransportKind kind)
    {
        foreach (var candidate in (ReadOnlySpan<SipTransportKind>)[SipTransportKind.Udp, SipTransportKind.Tcp, SipTransportKind.Tls])
        {
            if (string.Equals(name, ViaName(candidate), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = SipTransportKind.Udp;
        return false;
    }

    /// <summary>The transport a request to <paramref name="uri"/> must use, or <paramref name="fallback"/> when it names none.</summary>
    public static SipTransportKind ForUri(SipUri uri, SipTransportKind fallback)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme == SipUriScheme.Sips)
        {
            return SipTransportKind.Tls;
        }

        return TryParse(uri.Transport, out var kind) ? kind : fallback;
    }

    /// <summary>The port a URI without one means: 5061 for sips: and transport=tls, else 5060 (RFC 3261 19.1.2).</summary>
    public static int DefaultPort(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return ForUri(uri, SipTransportKind.Udp) == SipTransportKind.Tls ? 5061 : 5060;
    }
}
