namespace Telephony.Sip.Parsing;

/// <summary>
/// <c>( name-addr / addr-spec ) *( SEMI param )</c> of From, To, Contact, Route, Record-Route and Refer-To
/// (RFC 3261 20.10, 25.1). Strict where RFC 4475 asks for rejection: no LWS inside angle brackets,
/// unquoted display names are tokens, an unbracketed URI has no '?' or ','.
/// </summary>
internal static class NameAddressParser
{
    public static bool TryParse(ReadOnlySpan<byte> s, out NameAddressParts parts)
    {
        parts = default;
        parts.DisplayName = Segment.Absent;
        parts.Parameters = Segment.Absent;
        var i = SipSyntax.SkipWhitespace(s, 0);
        if (i == s.Length)
        {
            return false;
        }

        int uriEnd;
        if (s[i] == '"')
        {
            var quoteEnd = SipSyntax.SkipQuotedString(s, i);
            if (quoteEnd < 0)
            {
                return false;
            }

            parts.DisplayName = new Segment(i, quoteEnd - i);
            i = SipSyntax.SkipWhitespace(s, quoteEnd);
            if (i == s.Length || s[i] != '<')
            {
                return false;
            }
        }
        else
        {
            var angle = s[i..].IndexOf((byte)'<');
            if (angle >= 0)
            {
                var display = SipSyntax.TrimWhitespace(s.Slice(i, angle));
                if (!IsTokenSequence(display))
                {
                    return false;
                }

                if (!display.IsEmpty)
                {
                    parts.DisplayName = new Segment(i, display.Length);
                }

                i += angle;
            }
        }

        if (s[i] == '<')
        {
            var close = s[i..].IndexOf((byte)'>');
            if (close < 0)
            {
                return false;
            }

            var uri = s.Slice(i + 1, close - 1);
            if (!IsUri(uri))
            {
                return false;
            }

            parts.Uri = new Segment(i + 1, uri.Length);
            uriEnd = i + close + 1;
        }
        else
        {
            var start = i;
            while (i < s.Length && s[i] != ';' && !SipSyntax.IsWhitespace(s[i]))
            {
                if (s[i] is (byte)'?' or (byte)',' or (byte)'"' or (byte)'<' or (byte)'>')
                {
                    return false;
                }

                i++;
            }

            var uri = s[start..i];
            if (!IsUri(uri))
            {
                return false;
            }

            parts.Uri = new Segment(start, uri.Length);
            uriEnd = i;
        }

        var rest = s[uriEnd..];
        if (!SipParameterReader.Validate(rest, (byte)';'))
        {
            return false;
        }

        if (SipSyntax.TrimWhitespace(rest).Length > 0)
        {
            parts.Parameters = new Segment(uriEnd, rest.Length);
        }

        return true;
    }

    private static bool IsUri(ReadOnlySpan<byte> uri) => !uri.IsEmpty && SipUriParser.TryParse(uri, out _);

    private static bool IsTokenSequence(ReadOnlySpan<byte> display)
    {
        foreach (var c in display)
        {
            if (!SipSyntax.IsTokenChar(c) && !SipSyntax.IsWhitespace(c))
            {
                return false;
            }
        }

        return true;
    }
}
