using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>
/// A challenge (WWW-Authenticate, Proxy-Authenticate) or credentials (Authorization, Proxy-Authorization):
/// the scheme and its comma-separated auth-params (RFC 3261 25.1, RFC 7616), quoted values unquoted.
/// </summary>
public sealed class SipAuthHeader
{
    private SipAuthHeader(string scheme, SipParameterList parameters)
    {
        Scheme = scheme;
        Parameters = parameters;
    }

    /// <summary>The scheme as sent, e.g. "Digest".</summary>
    public string Scheme { get; }

    public SipParameterList Parameters { get; }

    public bool IsDigest => string.Equals(Scheme, "Digest", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters["realm"];

    public string? Nonce => Parameters["nonce"];

    public string? Opaque => Parameters["opaque"];

    public string? Algorithm => Parameters["algorithm"];

    public string? Qop => Parameters["qop"];

    public bool Stale => string.Equals(Parameters["stale"], "true", StringComparison.OrdinalIgnoreCase);

    public string? UserName => Parameters["username"];

    public string? Uri => Parameters["uri"];

    public string? Response => Parameters["response"];

    public string? CNonce => Parameters["cnonce"];

    public string? NonceCount => Parameters["nc"];

    public static bool TryParse(ReadOnlySpan<byte> source, out SipAuthHeader? header)
    {
        header = null;
        var s = SipSyntax.TrimWhitespace(source);
        var end = 0;
        while (end < s.Length && SipSyntax.IsTokenChar(s[end]))
        {
            end++;
        }

        if (end == 0 || (end < s.Length && !SipSyntax.IsWhitespace(s[end])))
        {
            return false;
        }

        var rest = s[end..];
        if (!SipParameterReader.Validate(rest, (byte)',', firstHasSeparator: false))
        {
            return false;
        }

        header = new SipAuthHeader(SipSyntax.Decode(s[..end]), SipParameterList.FromHeader(rest, (byte)',', firstHasSeparator: false));
        return true;
    }
}
