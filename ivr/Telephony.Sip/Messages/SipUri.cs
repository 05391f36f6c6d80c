using System.Text;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>
/// A SIP, SIPS or TEL URI (other schemes keep only their text), over the bytes it was parsed from. Parts are
/// %-unescaped and become strings only when read; <see cref="ToString"/> returns the URI exactly as received.
/// </summary>
public sealed class SipUri
{
    private readonly ReadOnlyMemory<byte> _source;
    private readonly SipUriParts _parts;
    private string? _text;
    private string? _schemeName;
    private string? _user;
    private string? _password;
    private string? _host;
    private SipParameterList? _parameters;
    private SipParameterList? _headers;

    private SipUri(ReadOnlyMemory<byte> source, in SipUriParts parts)
    {
        _source = source;
        _parts = parts;
    }

    public SipUriScheme Scheme => _parts.Scheme;

    /// <summary>The scheme in lower case, e.g. "sip".</summary>
    public string SchemeName => _schemeName ??= SipSyntax.Decode(Part(_parts.SchemeName)).ToLowerInvariant();

    /// <summary>The user part of a SIP URI, or the number of a TEL URI.</summary>
    public string? User => _parts.User.IsPresent ? _user ??= SipSyntax.Unescape(Part(_parts.User)) : null;

    public string? Password => _parts.Password.IsPresent ? _password ??= SipSyntax.Unescape(Part(_parts.Password)) : null;

    /// <summary>Host name, IPv4 address or bracketed IPv6 reference ("[2001:db8::10]"); empty for other schemes.</summary>
    public string Host => _host ??= _parts.Host.IsPresent ? SipSyntax.Decode(Part(_parts.Host)) : string.Empty;

    public int? Port => _parts.Port >= 0 ? _parts.Port : null;

    public SipParameterList Parameters => _parameters ??= _parts.Parameters.IsPresent
        ? SipParameterList.FromUri(Part(_parts.Parameters), (byte)';')
        : SipParameterList.Empty;

    /// <summary>URI headers (<c>?name=value&amp;...</c>), unescaped.</summary>
    public SipParameterList Headers => _headers ??= _parts.Headers.IsPresent
        ? SipParameterList.FromUri(Part(_parts.Headers), (byte)'&')
        : SipParameterList.Empty;

    public bool IsIPv6Reference => Part(_parts.Host) is [(byte)'[', ..];

    public string? Transport => GetParameter("transport"u8);

    public string? MAddr => GetParameter("maddr"u8);

    public bool IsLooseRouter => SipParameterSearch.TryFindUriParameter(Part(_parts.Parameters), "lr"u8, out _, out _);

    public static bool TryParse(ReadOnlySpan<byte> source, out SipUri? uri) => TryParse(new ReadOnlyMemory<byte>(source.ToArray()), out uri);

    public static SipUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(Encoding.UTF8.GetBytes(text), out var uri) ? uri! : throw new FormatException($"'{text}' is not a valid URI.");
    }

    public override string ToString() => _text ??= SipSyntax.Decode(_source.Span);

    /// <summary>Parses over <paramref name="source"/> without copying it; the caller keeps the bytes alive and unchanged.</summary>
    internal static bool TryParse(ReadOnlyMemory<byte> source, out SipUri? uri)
    {
        if (SipUriParser.TryParse(source.Span, out var parts))
        {
            uri = new SipUri(source, parts);
            return true;
        }

        uri = null;
        return false;
    }

    private string? GetParameter(ReadOnlySpan<byte> name) =>
        SipParameterSearch.TryFindUriParameter(Part(_parts.Parameters), name, out var value, out var hasValue) && hasValue
            ? SipSyntax.Unescape(value)
            : null;

    private ReadOnlySpan<byte> Part(Segment segment) => segment.Of(_source.Span);
}
