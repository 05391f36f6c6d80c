using System.Text;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>Typed header values, parsed on first use and cached.</summary>
public abstract partial class SipMessage
{
    private string? _callId;
    private SipCSeq? _cseq;
    private SipNameAddress? _from;
    private SipNameAddress? _to;
    private IReadOnlyList<SipVia>? _via;
    private IReadOnlyList<SipContact>? _contact;
    private IReadOnlyList<SipNameAddress>? _route;
    private IReadOnlyList<SipNameAddress>? _recordRoute;

    private delegate bool ElementParser<T>(ReadOnlyMemory<byte> source, out T? value);

    /// <summary>Call-ID. Throws <see cref="FormatException"/> only on a message the parser rejected.</summary>
    public string CallId => _callId ??= Encoding.UTF8.GetString(RequiredValue(SipHeaderKind.CallId));

    public SipCSeq CSeq => _cseq ??= ParseCSeq();

    public SipNameAddress From => _from ??= ParseAddress(SipHeaderKind.From);

    public SipNameAddress To => _to ??= ParseAddress(SipHeaderKind.To);

    /// <summary>Every via-parm, topmost first, across repeated and comma-separated Via headers.</summary>
    public IReadOnlyList<SipVia> Via => _via ??= ParseList<SipVia>(SipHeaderKind.Via, SipVia.TryParse);

    public IReadOnlyList<SipContact> Contact => _contact ??= ParseList<SipContact>(SipHeaderKind.Contact, TryParseContact);

    public IReadOnlyList<SipNameAddress> Route => _route ??= ParseList<SipNameAddress>(SipHeaderKind.Route, SipNameAddress.TryParse);

    public IReadOnlyList<SipNameAddress> RecordRoute => _recordRoute ??= ParseList<SipNameAddress>(SipHeaderKind.RecordRoute, SipNameAddress.TryParse);

    public int? MaxForwards =>
        TryGetHeaderValue(SipHeaderKind.MaxForwards, out var value) && SipSyntax.TryParseNumber(SipSyntax.TrimWhitespace(value.Span), 255, out var hops)
            ? (int)hops
            : null;

    /// <summary>Length of the body actually framed (equals Content-Length when the header is present).</summary>
    public int ContentLength => _bodyLength;

    public string? ContentType => TryGetHeaderValue(SipHeaderKind.ContentType, out var value) ? Encoding.UTF8.GetString(value.Span) : null;

    public uint? Expires =>
        TryGetHeaderValue(SipHeaderKind.Expires, out var value) && SipSyntax.TryParseNumber(value.Span, uint.MaxValue, out var seconds)
            ? (uint)seconds
            : null;

    public IReadOnlyList<string> Require => ParseTokens(SipHeaderKind.Require);

    public IReadOnlyList<string> ProxyRequire => ParseTokens(SipHeaderKind.ProxyRequire);

    public IReadOnlyList<string> Supported => ParseTokens(SipHeaderKind.Supported);

    public IReadOnlyList<string> Unsupported => ParseTokens(SipHeaderKind.Unsupported);

    public IReadOnlyList<string> Allow => ParseTokens(SipHeaderKind.Allow);

    /// <summary>Event package and parameters (RFC 6665); null when absent or malformed.</summary>
    public SipParameterizedValue? Event => ParseOptional<SipParameterizedValue>(SipHeaderKind.Event, static (ReadOnlyMemory<byte> m, out SipParameterizedValue? v) => SipParameterizedValue.TryParse(m.Span, out v));

    /// <summary>Refer-To (RFC 3515); null when absent or malformed.</summary>
    public SipNameAddress? ReferTo => ParseOptional<SipNameAddress>(SipHeaderKind.ReferTo, SipNameAddress.TryParse);

    public SipRetryAfter? RetryAfter => ParseOptional<SipRetryAfter>(SipHeaderKind.RetryAfter, static (ReadOnlyMemory<byte> m, out SipRetryAfter? v) => SipRetryAfter.TryParse(m.Span, out v));

    /// <summary>Credentials, one per header line; malformed lines are left out.</summary>
    public IReadOnlyList<SipAuthHeader> Authorization => ParseEach(SipHeaderKind.Authorization);

    public IReadOnlyList<SipAuthHeader> ProxyAuthorization => ParseEach(SipHeaderKind.ProxyAuthorization);

    /// <summary>Challenges, one per header line; malformed lines are left out.</summary>
    public IReadOnlyList<SipAuthHeader> WwwAuthenticate => ParseEach(SipHeaderKind.WwwAuthenticate);

    public IReadOnlyList<SipAuthHeader> ProxyAuthenticate => ParseEach(SipHeaderKind.ProxyAuthenticate);

    internal static bool TryParseContact(ReadOnlyMemory<byte> source, out SipContact? contact)
    {
        if (SipSyntax.TrimWhitespace(source.Span) is [(byte)'*'])
        {
            contact = SipContact.Wildcard;
            return true;
        }

        var parsed = SipNameAddress.TryParse(source, out var address);
        contact = parsed ? new SipContact(address) : null;
        return parsed;
    }

    private ReadOnlySpan<byte> RequiredValue(SipHeaderKind kind)
    {
        var index = IndexOf(kind, 0);
        if (index < 0)
        {
            SipThrow.InvalidHeader(kind);
        }

        return ValueSpan(index);
    }

    private SipCSeq ParseCSeq()
    {
        if (!CSeqParser.TryParse(RequiredValue(SipHeaderKind.CSeq), out var number, out var methodToken))
        {
            SipThrow.InvalidHeader(SipHeaderKind.CSeq);
        }

        var method = SipMethods.Parse(methodToken);
        var name = method == SipMethod.Extension ? Encoding.UTF8.GetString(methodToken) : SipMethods.GetName(method);
        return new SipCSeq(number, method, name);
    }

    private SipNameAddress ParseAddress(SipHeaderKind kind)
    {
        var index = IndexOf(kind, 0);
        SipNameAddress? address = null;
        if (index < 0 || !SipNameAddress.TryParse(ValueMemory(index), out address))
        {
            SipThrow.InvalidHeader(kind);
        }

        return address!;
    }

    private T? ParseOptional<T>(SipHeaderKind kind, ElementParser<T> parser)
        where T : class =>
        TryGetHeaderValue(kind, out var value) && parser(value, out var parsed) ? parsed : null;

    private List<SipAuthHeader> ParseEach(SipHeaderKind kind)
    {
        var list = new List<SipAuthHeader>();
        for (var index = IndexOf(kind, 0); index >= 0; index = IndexOf(kind, index + 1))
        {
            if (SipAuthHeader.TryParse(ValueSpan(index), out var parsed))
            {
                list.Add(parsed!);
            }
        }

        return list;
    }

    private List<T> ParseList<T>(SipHeaderKind kind, ElementParser<T> parser)
        where T : class
    {
        var list = new List<T>();
        for (var index = IndexOf(kind, 0); index >= 0; index = IndexOf(kind, index + 1))
        {
            var rest = ValueMemory(index);
            while (!rest.IsEmpty)
            {
                var comma = SipSyntax.IndexOfValueSeparator(rest.Span);
                if (comma < 0)
                {
                    SipThrow.InvalidHeader(kind);
                }

                if (!parser(rest[..comma], out var parsed))
                {
                    SipThrow.InvalidHeader(kind);
                }

                list.Add(parsed!);
                rest = comma < rest.Length ? rest[(comma + 1)..] : default;
            }
        }

        return list;
    }

    private List<string> ParseTokens(SipHeaderKind kind)
    {
        var list = new List<string>();
        for (var index = IndexOf(kind, 0); index >= 0; index = IndexOf(kind, index + 1))
        {
            foreach (var token in new SipSplitter(ValueSpan(index), (byte)','))
            {
                var trimmed = SipSyntax.TrimWhitespace(token);
                if (!trimmed.IsEmpty)
                {
                    list.Add(Encoding.UTF8.GetString(trimmed));
                }
            }
        }

        return list;
    }
}
