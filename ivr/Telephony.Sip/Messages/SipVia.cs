using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>One via-parm of a Via header (RFC 3261 20.42, RFC 3581 rport). Parts become strings only when read.</summary>
public sealed class SipVia
{
    private readonly ReadOnlyMemory<byte> _source;
    private readonly ViaParts _parts;
    private string? _transport;
    private string? _host;
    private string? _branch;
    private SipParameterList? _parameters;

    private SipVia(ReadOnlyMemory<byte> source, in ViaParts parts)
    {
        _source = source;
        _parts = parts;
    }

    /// <summary>Protocol name and version, e.g. "SIP/2.0".</summary>
    public string Protocol => string.Concat(SipSyntax.Decode(Part(_parts.ProtocolName)), "/", SipSyntax.Decode(Part(_parts.ProtocolVersion)));

    /// <summary>Transport in upper case: UDP, TCP, TLS, SCTP, WS, ...</summary>
    public string Transport => _transport ??= SipSyntax.Decode(Part(_parts.Transport)).ToUpperInvariant();

    /// <summary>The sent-by host (an IPv6 address keeps its brackets).</summary>
    public string Host => _host ??= SipSyntax.Decode(Part(_parts.Host));

    public int? Port => _parts.Port >= 0 ? _parts.Port : null;

    public SipParameterList Parameters => _parameters ??= _parts.Parameters.IsPresent
        ? SipParameterList.FromHeader(Part(_parts.Parameters))
        : SipParameterList.Empty;

    public string? Branch => _branch ??= GetParameter("branch"u8);

    public string? Received => GetParameter("received"u8);

    public string? MAddr => GetParameter("maddr"u8);

    public int? Ttl => ParseNumber("ttl"u8, 255);

    /// <summary>True when an rport parameter is present, with or without a value.</summary>
    public bool HasRPort => SipParameterSearch.TryFindHeaderParameter(Part(_parts.Parameters), "rport"u8, out _, out _);

    public int? RPort => ParseNumber("rport"u8, 65535);

    /// <summary>True when the branch carries the RFC 3261 magic cookie and something after it.</summary>
    public bool HasRfc3261Branch =>
        SipParameterSearch.TryFindHeaderParameter(Part(_parts.Parameters), "branch"u8, out var branch, out _)
        && branch.Length > SipTag.BranchMagicCookie.Length
        && branch.StartsWith("z9hG4bK"u8);

    public static bool TryParse(ReadOnlySpan<byte> source, out SipVia? via) => TryParse(new ReadOnlyMemory<byte>(source.ToArray()), out via);

    public override string ToString() => SipSyntax.Decode(SipSyntax.TrimWhitespace(_source.Span));

    /// <summary>Parses over <paramref name="source"/> without copying it; the caller keeps the bytes alive and unchanged.</summary>
    internal static bool TryParse(ReadOnlyMemory<byte> source, out SipVia? via)
    {
        if (ViaParser.TryParse(source.Span, out var parts))
        {
            via = new SipVia(source, parts);
            return true;
        }

        via = null;
        return false;
    }

    private string? GetParameter(ReadOnlySpan<byte> name) => SipParameterSearch.GetHeaderParameter(Part(_parts.Parameters), name);

    private int? ParseNumber(ReadOnlySpan<byte> name, long max) =>
        SipParameterSearch.TryFindHeaderParameter(Part(_parts.Parameters), name, out var value, out _)
        && SipSyntax.TryParseNumber(value, max, out var number)
            ? (int)number
            : null;

    private ReadOnlySpan<byte> Part(Segment segment) => segment.Of(_source.Span);
}
