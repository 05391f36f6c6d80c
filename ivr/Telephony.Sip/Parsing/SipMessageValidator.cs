using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>
/// Checks a framed message carries what every layer above relies on (RFC 3261 8.1.1, 8.2, 16.3): one well-formed
/// To, From, Call-ID and CSeq, well-formed Via, Contact, Route and Record-Route values, a CSeq method that matches the
/// request, sane Max-Forwards and Expires. Works on spans and allocates nothing.
/// </summary>
internal static class SipMessageValidator
{
    private static readonly SipHeaderKind[] s_required =
        [SipHeaderKind.Via, SipHeaderKind.From, SipHeaderKind.To, SipHeaderKind.CallId, SipHeaderKind.CSeq];

    private static readonly SipHeaderKind[] s_single =
        [SipHeaderKind.From, SipHeaderKind.To, SipHeaderKind.CallId, SipHeaderKind.CSeq, SipHeaderKind.MaxForwards, SipHeaderKind.Expires];

    public static SipRejection Validate(SipMessage message, in StartLine startLine)
    {
        if (startLine.DeferredFault != SipRejectReason.None)
        {
            return new SipRejection(startLine.DeferredFault);
        }

        foreach (var kind in s_required)
        {
            if (message.IndexOf(kind, 0) < 0)
            {
                return new SipRejection(SipRejectReason.MissingHeader, kind);
            }
        }

        foreach (var kind in s_single)
        {
            var first = message.IndexOf(kind, 0);
            if (first >= 0 && message.IndexOf(kind, first + 1) >= 0)
            {
                return new SipRejection(SipRejectReason.DuplicateHeader, kind);
            }
        }

        if (message is SipRequest request && !IsValidRequestUri(request.RequestUriBytes.Span))
        {
            return new SipRejection(SipRejectReason.InvalidRequestUri);
        }

        var cseq = CheckCSeq(message);
        if (cseq.Reason != SipRejectReason.None)
        {
            return cseq;
        }

        if (!IsCallId(message.ValueSpan(message.IndexOf(SipHeaderKind.CallId, 0))))
        {
            return Invalid(SipHeaderKind.CallId);
        }

        if (!IsSingle(message, SipHeaderKind.From, static v => NameAddressParser.TryParse(v, out _)))
        {
            return Invalid(SipHeaderKind.From);
        }

        if (!IsSingle(message, SipHeaderKind.To, static v => NameAddressParser.TryParse(v, out _)))
        {
            return Invalid(SipHeaderKind.To);
        }

        if (!IsSingle(message, SipHeaderKind.MaxForwards, static v => SipSyntax.TryParseNumber(v, 255, out _)))
        {
            return Invalid(SipHeaderKind.MaxForwards);
        }

        if (!IsSingle(message, SipHeaderKind.Expires, static v => SipSyntax.TryParseNumber(v, uint.MaxValue, out _)))
        {
            return Invalid(SipHeaderKind.Expires);
        }

        if (!AreAll(message, SipHeaderKind.Via, static v => ViaParser.TryParse(v, out _)))
        {
            return Invalid(SipHeaderKind.Via);
        }

        if (!AreAll(message, SipHeaderKind.Contact, static v => SipSyntax.TrimWhitespace(v) is [(byte)'*'] || NameAddressParser.TryParse(v, out _)))
        {
            return Invalid(SipHeaderKind.Contact);
        }

        if (!AreAll(message, SipHeaderKind.Route, static v => NameAddressParser.TryParse(v, out _)))
        {
            return Invalid(SipHeaderKind.Route);
        }

        return !AreAll(message, SipHeaderKind.RecordRoute, static v => NameAddressParser.TryParse(v, out _))
            ? Invalid(SipHeaderKind.RecordRoute)
            : default;
    }

    private static SipRejection Invalid(SipHeaderKind kind) => new(SipRejectReason.InvalidHeaderValue, kind);

    private static bool IsValidRequestUri(ReadOnlySpan<byte> uri)
    {
        // A Request-URI never carries URI headers (RFC 3261 19.1.5, RFC 4475 3.1.2.11).
        return SipUriParser.TryParse(uri, out var parts)
            && !(parts.Scheme is SipUriScheme.Sip or SipUriScheme.Sips && parts.Headers.IsPresent);
    }

    private static SipRejection CheckCSeq(SipMessage message)
    {
        if (!CSeqParser.TryParse(message.ValueSpan(message.IndexOf(SipHeaderKind.CSeq, 0)), out _, out var method))
        {
            return Invalid(SipHeaderKind.CSeq);
        }

        if (message is SipRequest request && !method.SequenceEqual(request.Bytes.Span[..MethodLength(request)]))
        {
            return new SipRejection(SipRejectReason.CSeqMethodMismatch, SipHeaderKind.CSeq);
        }

        return default;
    }

    private static int MethodLength(SipRequest request) => request.Bytes.Span.IndexOf((byte)' ');

    /// <summary>callid = word [ "@" word ]; word admits most printable ASCII (quotes and brackets too), never LWS or commas.</summary>
    private static bool IsCallId(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c <= ' ' || c >= 0x7F || c == ',')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSingle(SipMessage message, SipHeaderKind kind, SpanPredicate predicate)
    {
        var index = message.IndexOf(kind, 0);
        return index < 0 || predicate(message.ValueSpan(index));
    }

    private static bool AreAll(SipMessage message, SipHeaderKind kind, SpanPredicate predicate)
    {
        for (var index = message.IndexOf(kind, 0); index >= 0; index = message.IndexOf(kind, index + 1))
        {
            var rest = message.ValueSpan(index);
            do
            {
                var comma = SipSyntax.IndexOfValueSeparator(rest);
                if (comma < 0 || !predicate(rest[..comma]))
                {
                    return false;
                }

                rest = comma < rest.Length ? rest[(comma + 1)..] : default;
            }
            while (!rest.IsEmpty);
        }

        return true;
    }

    private delegate bool SpanPredicate(ReadOnlySpan<byte> value);
}
