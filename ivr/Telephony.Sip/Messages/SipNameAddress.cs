using System.Text;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>
/// A name-addr or addr-spec with header parameters: From, To, Contact, Route, Record-Route, Refer-To. Parts become
/// objects and strings only when read.
/// </summary>
public sealed class SipNameAddress
{
    private readonly ReadOnlyMemory<byte> _source;
    private readonly NameAddressParts _parts;
    private string? _displayName;
    private SipUri? _uri;
    private SipParameterList? _parameters;
    private string? _tag;

    private SipNameAddress(ReadOnlyMemory<byte> source, in NameAddressParts parts)
    {
        _source = source;
        _parts = parts;
    }

    /// <summary>The display name, unquoted; null when there is none.</summary>
    public string? DisplayName => _parts.DisplayName.IsPresent ? _displayName ??= SipSyntax.Unquote(_parts.DisplayName.Of(_source.Span)) : null;

    public SipUri Uri
    {
        get
        {
            if (_uri is null && !SipUri.TryParse(_source.Slice(_parts.Uri.Start, _parts.Uri.Length), out _uri))
            {
                // NameAddressParser accepted this URI already; failing here would be a parser bug.
                SipThrow.InvalidOperation("The URI of a parsed name-addr did not parse again.");
            }

            return _uri!;
        }
    }

    public SipParameterList Parameters => _parameters ??= _parts.Parameters.IsPresent
        ? SipParameterList.FromHeader(_parts.Parameters.Of(_source.Span))
        : SipParameterList.Empty;

    /// <summary>The dialog tag of From and To.</summary>
    public string? Tag => _tag ??= SipParameterSearch.GetHeaderParameter(_parts.Parameters.Of(_source.Span), "tag"u8);

    public static bool TryParse(ReadOnlySpan<byte> source, out SipNameAddress? address) => TryParse(new ReadOnlyMemory<byte>(source.ToArray()), out address);

    public static SipNameAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(Encoding.UTF8.GetBytes(text), out var address) ? address! : throw new FormatException($"'{text}' is not a valid name-addr.");
    }

    public override string ToString() => SipSyntax.Decode(SipSyntax.TrimWhitespace(_source.Span));

    /// <summary>Parses over <paramref name="source"/> without copying it; the caller keeps the bytes alive and unchanged.</summary>
    internal static bool TryParse(ReadOnlyMemory<byte> source, out SipNameAddress? address)
    {
        if (NameAddressParser.TryParse(source.Span, out var parts))
        {
            address = new SipNameAddress(source, parts);
            return true;
        }

        address = null;
        return false;
    }
}
