using System.Text;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>
/// A SIP, SIPS or TEL URI (other schemes keep only their text). Parts are %-unescaped; <see cref="ToString"/>
/// returns the URI exactly as received.
/// </summary>
public sealed class SipUri
{
    private readonly string _text;

    private SipUri(ReadOnlySpan<byte> source, in SipUriParts parts)
    {
        _text = SipSyntax.Decode(source);
        Scheme = parts.Scheme;
        SchemeName = SipSyntax.Decode(parts.SchemeName.Of(source)).ToLowerInvariant();
        User = parts.User.IsPresent ? SipSyntax.Unescape(parts.User.Of(source)) : null;
        Password = parts.Password.IsPresent ? SipSyntax.Unescape(parts.Password.Of(source)) : null;
        Host = parts.Host.IsPresent ? SipSyntax.Decode(parts.Host.Of(source)) : string.Empty;
        Port = parts.Port >= 0 ? parts.Port : null;
        Parameters = parts.Parameters.IsPresent
            ? SipParameterList.FromUri(parts.Parameters.Of(source), (byte)';')
            : SipParameterList.Empty;
        Headers = parts.Headers.IsPresent ? SipParameterList.FromUri(parts.Headers.Of(source), (byte)'&') : SipParameterList.Empty;
    }

    public SipUriScheme Scheme { get; }

    /// <summary>The scheme in lower case, e.g. "sip".</summary>
    public string SchemeName { get; }

    /// <summary>The user part of a SIP URI, or the number of a TEL URI.</summary>
    public string? User { get; }

    public string? Password { get; }

    /// <summary>Host name, IPv4 address or bracketed IPv6 reference ("[2001:db8::10]"); empty for other schemes.</summary>
    public string Host { get; }

    public int? Port { get; }

    public SipParameterList Parameters { get; }

    /// <summary>URI headers (<c>?name=value&amp;...</c>), unescaped.</summary>
    public SipParameterList Headers { get; }

    public bool IsIPv6Reference => Host.StartsWith('[');

    public string? Transport => Parameters["transport"];

    public string? MAddr => Parameters["maddr"];

    public bool IsLooseRouter => Parameters.Contains("lr");

    public static bool TryParse(ReadOnlySpan<byte> source, out SipUri? uri)
    {
        if (SipUriParser.TryParse(source, out var parts))
        {
            uri = new SipUri(source, parts);
            return true;
        }

        uri = null;
        return false;
    }

    public static SipUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(Encoding.UTF8.GetBytes(text), out var uri) ? uri! : throw new FormatException($"'{text}' is not a valid URI.");
    }

    public override string ToString() => _text;
}
