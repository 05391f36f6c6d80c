namespace Telephony.Sip.Parsing;

/// <summary>Where the display name, URI and header parameters of a name-addr or addr-spec lie.</summary>
internal struct NameAddressParts
{
    public Segment DisplayName;
    public Segment Uri;
    public Segment Parameters;
}
