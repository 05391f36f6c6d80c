using System.Text;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>A name-addr or addr-spec with header parameters: From, To, Contact, Route, Record-Route, Refer-To.</summary>
public sealed class SipNameAddress
{
    private SipNameAddress(string? displayName, SipUri uri, SipParameterList parameters)
    {
        DisplayName = displayName;
        Uri = uri;
        Parameters = parameters;
    }

    /// <summary>The display name, unquoted; null when there is none.</summary>
    public string? DisplayName { get; }

    public SipUri Uri { get; }

    public SipParameterList Parameters { get; }

    /// <summary>The dialog tag of From and To.</summary>
    public string? Tag => Parameters["tag"];

    public static bool TryParse(ReadOnlySpan<byte> source, out SipNameAddress? address)
    {
        address = null;
        if (!NameAddressParser.TryParse(source, out var parts) || !SipUri.TryParse(parts.Uri.Of(source), out var uri))
        {
            return false;
        }

        var displayName = parts.DisplayName.IsPresent ? SipSyntax.Unquote(parts.DisplayName.Of(source)) : null;
        var parameters = parts.Parameters.IsPresent ? SipParameterList.FromHeader(parts.Parameters.Of(source)) : SipParameterList.Empty;
        address = new SipNameAddress(displayName, uri!, parameters);
        return true;
    }

    public static SipNameAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(Encoding.UTF8.GetBytes(text), out var address) ? address! : throw new FormatException($"'{text}' is not a valid name-addr.");
    }
}
