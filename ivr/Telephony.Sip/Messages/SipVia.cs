using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>One via-parm of a Via header (RFC 3261 20.42, RFC 3581 rport).</summary>
public sealed class SipVia
{
    private SipVia(ReadOnlySpan<byte> source, in ViaParts parts)
    {
        Protocol = string.Concat(SipSyntax.Decode(parts.ProtocolName.Of(source)), "/", SipSyntax.Decode(parts.ProtocolVersion.Of(source)));
        Transport = SipSyntax.Decode(parts.Transport.Of(source)).ToUpperInvariant();
        Host = SipSyntax.Decode(parts.Host.Of(source));
        Port = parts.Port >= 0 ? parts.Port : null;
        Parameters = parts.Parameters.IsPresent ? SipParameterList.FromHeader(parts.Parameters.Of(source)) : SipParameterList.Empty;
    }

    /// <summary>Protocol name and version, e.g. "SIP/2.0".</summary>
    public string Protocol { get; }

    /// <summary>Transport in upper case: UDP, TCP, TLS, SCTP, WS, ...</summary>
    public string Transport { get; }

    /// <summary>The sent-by host (an IPv6 address keeps its brackets).</summary>
    public string Host { get; }

    public int? Port { get; }

    public SipParameterList Parameters { get; }

    public string? Branch => Parameters["branch"];

    public string? Received => Parameters["received"];

    public string? MAddr => Parameters["maddr"];

    public int? Ttl => int.TryParse(Parameters["ttl"], out var ttl) ? ttl : null;

    /// <summary>True when an rport parameter is present, with or without a value.</summary>
    public bool HasRPort => Parameters.Contains("rport");

    public int? RPort => int.TryParse(Parameters["rport"], out var port) ? port : null;

    /// <summary>True when the branch carries the RFC 3261 magic cookie and something after it.</summary>
    public bool HasRfc3261Branch => Branch is { Length: > 7 } branch && branch.StartsWith("z9hG4bK", StringComparison.Ordinal);

    public static bool TryParse(ReadOnlySpan<byte> source, out SipVia? via)
    {
        if (ViaParser.TryParse(source, out var parts))
        {
            via = new SipVia(source, parts);
            return true;
        }

        via = null;
        return false;
    }
}
