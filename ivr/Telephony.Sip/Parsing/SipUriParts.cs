using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>Where each part of a URI lies in its text; produced without allocating.</summary>
internal struct SipUriParts
{
    public SipUriScheme Scheme;
    public Segment SchemeName;
    public Segment User;
    public Segment Password;
    public Segment Host;
    public int Port;
    public Segment Parameters;
    public Segment Headers;
}
