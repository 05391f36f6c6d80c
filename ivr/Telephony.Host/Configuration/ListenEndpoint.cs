using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Telephony.Host.Configuration;

/// <summary>
/// An address and port to listen on, written as ADDR:PORT or [IPv6]:PORT; for SIP, <c>tls:ADDR:PORT</c> asks for SIP
/// over TLS there instead of UDP and TCP.
/// </summary>
public sealed record ListenEndpoint(IPAddress Address, int Port)
{
    private const string TlsPrefix = "tls:";

    /// <summary>Written with the <c>tls:</c> prefix.</summary>
    public bool IsTls { get; init; }

    public IPEndPoint ToIPEndPoint() => new(Address, Port);

    public override string ToString() => IsTls ? TlsPrefix + new IPEndPoint(Address, Port) : new IPEndPoint(Address, Port).ToString();

    /// <summary>The URL Kestrel binds for this endpoint.</summary>
    public string ToHttpUrl() => string.Create(CultureInfo.InvariantCulture, $"http://{this}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out ListenEndpoint? endpoint, out string problem)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "is empty; expected ADDR:PORT";
            return false;
        }

        var isTls = text.StartsWith(TlsPrefix, StringComparison.OrdinalIgnoreCase);
        if (isTls)
        {
            text = text[TlsPrefix.Length..];
        }

        // IPEndPoint.TryParse accepts a bare address with port 0; we insist on an explicit port.
        var lastColon = text.LastIndexOf(':');
        var closing = text.LastIndexOf(']');
        if (lastColon < 0 || lastColon < closing || lastColon == text.Length - 1)
        {
            problem = $"'{text}' is not ADDR:PORT";
            return false;
        }

        if (!IPEndPoint.TryParse(text, out var parsed))
        {
            problem = $"'{text}' is not ADDR:PORT (the address must be an IPv4 or [IPv6] literal)";
            return false;
        }

        if (parsed.Port is < 1 or > 65535)
        {
            problem = $"'{text}' has port {parsed.Port}; expected 1-65535";
            return false;
        }

        endpoint = new ListenEndpoint(parsed.Address, parsed.Port) { IsTls = isTls };
        problem = string.Empty;
        return true;
    }
}
