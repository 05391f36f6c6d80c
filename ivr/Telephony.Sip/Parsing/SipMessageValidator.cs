using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>
/// Checks a framed message carries what every layer above relies on (RFC 3261 8.1.1, 8.2, 16.3): one well-formed
/// To, From, Call-ID and CSeq, well-formed Via, Contact, Route and Record-Route values, a CSeq method that matches the
/// request, sane Max-Forwards and Expires. Works on spans and allocates nothing.
/// </summary>
internal static class SipMessageValidator
{
    private static readonly int s_kindCount = Enum.GetValues<SipHeaderKind>().Length;

    private static readonly SipHeaderKind[] s_required =
        [SipHeaderKind.Via, SipHeaderKind.From, SipHeaderKind.To, SipHeaderKind.CallId, SipHeaderKind.CSeq];

    private static readonly SipHeaderKind[] s_single =
        [SipHeaderKind.From, SipHeaderKind.To, SipHeaderKind.CallId, SipHeaderKind.CSeq, SipHeaderKind.MaxForwards, SipHeaderKind.Expires];

    private delegate bool SpanPredicate(ReadOnlySpan<byte> value);

    public static SipRejection Validate(SipMessage message, in StartLine startLine)
    {
        if (startLine.DeferredFault != SipRejectReason.None)
        {
            return new SipRejection(startLine.DeferredFault);
        }

        // One pass over the header table: first index and count of each kind.
        Span<int> first = stackalloc int[s_kindCount];
        Span<int> count = stackalloc int[s_kindCount];
        first.Fill(-1);
        for (var i = 0; i < message.HeaderCount; i++)
        {
            var kind = (int)message.KindAt(i);
            if (count[kind]++ == 0)
            {
                first[kind] = i;
            }
        }

        foreach (var kind in s_required)
        {
            if (count[(int)kind] == 0)
            {
                return new SipRejection(SipRejectReason.MissingHeader, kind);
            }
        }

        foreach (var kind in s_single)
        {
            if (count[(int)kind] > 1)
            {
                return new SipRejection(SipRejectReason.DuplicateHeader, kind);
            }
        }

        if (message is SipRequest request && !IsValidRequestUri(request.RequestUriBytes.Span))
        {
            return new SipRejection(SipRejectReason.InvalidRequestUri);
        }

        var cseq = CheckCSeq(message, message.ValueSpan(first[(int)SipHeaderKind.CSeq]));
        if (cseq.Reason != SipRejectReason.None)
        {
            return cseq;
        }

        if (!IsCallId(SipSyntax.TrimWhitespace(message.ValueSpan(first[(int)SipHeaderKind.CallId]))))
        {
            return Invalid(SipHeaderKind.CallId);
        }

        if (!NameAddressParser.TryParse(message.ValueSpan(first[(int)SipHeaderKind.From]), out _))
        {
            return Invalid(SipHeaderKind.From);
        }

        if (!NameAddressParser.TryParse(message.ValueSpan(first[(int)SipHeaderKind.To]), out _))
        {
            return Invalid(SipHeaderKind.To);
        }

        var maxForwards = first[(int)SipHeaderKind.MaxForwards];
        if (maxForwards >= 0 && !SipSyntax.TryParseNumber(message.ValueSpan(maxForwards), 255, out _))
        {
            return Invalid(SipHeaderKind.MaxForwards);
        }

        var expires = first[(int)SipHeaderKind.Expires];
        if (expires >= 0 && !SipSyntax.TryParseNumber(message.ValueSpan(expires), uint.MaxValue, out _))
        {
            return Invalid(SipHeaderKind.Expires);
        }

        if (!AreAll(message, SipHeaderKind.Via, first, count, static v => ViaParser.TryParse(v, out _)))
        {
            return Invalid(SipHeaderKind.Via);
        }

        if (!AreAll(message, SipHeaderKind.Contact, first, count, static v => SipSyntax.TrimWhitespace(v) is [(byte)'*'] || NameAddressParser.TryParse(v, out _)))
        {
            return Invalid(SipHeaderKind.Contact);
        }

        if (!AreAll(message, SipHeaderKind.Route, first, count, static v => NameAddressParser.TryParse(v, out _)))
        {
            return Invalid(SipHeaderKind.Route);
        }

        return !AreAll(message, SipHeaderKind.RecordRoute, first, count, static v => NameAddressParser.TryParse(v, out _))
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

    private static SipRejection CheckCSeq(SipMessage message, ReadOnlySpan<byte> value)
    {
        if (!CSeqParser.TryParse(value, out _, out var method))
        {
            return Invalid(SipHeaderKind.CSeq);
        }

        if (message is SipRequest request && !method.SequenceEqual(request.MethodBytes))
        {
            return new SipRejection(SipRejectReason.CSeqMethodMismatch, SipHeaderKind.CSeq);
        }

        return default;
    }

    /// <summary>callid = word [ "@" word ]; word admits most printable ASCII (quotes and brackets too), never LWS or commas.</summary>
    private static bool IsCallId(ReadOnlySpan<byte> value) =>
        !value.IsEmpty && value.IndexOfAnyExceptInRange((byte)'!', (byte)'~') < 0 && value.IndexOf((byte)',') < 0;

    private static bool AreAll(SipMessage message, SipHeaderKind kind, ReadOnlySpan<int> first, ReadOnlySpan<int> count, SpanPredicate predicate)
    {
        var remaining = count[(int)kind];
        for (var index = first[(int)kind]; remaining > 0; index++)
        {
            if (message.KindAt(index) != kind)
            {
                continue;
            }

            remaining--;
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
}
