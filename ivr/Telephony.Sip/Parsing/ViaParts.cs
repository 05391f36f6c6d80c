namespace Telephony.Sip.Parsing;

/// <summary>Where the parts of one via-parm lie (RFC 3261 20.42).</summary>
internal struct ViaParts
{
    public Segment ProtocolName;
    public Segment ProtocolVersion;
    public Segment Transport;
    public Segment Host;
    public int Port;
    public Segment Parameters;
}
