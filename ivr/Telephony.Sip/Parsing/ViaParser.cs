namespace Telephony.Sip.Parsing;

/// <summary><c>sent-protocol LWS sent-by *( SEMI via-params )</c>; LWS is allowed around '/', ':' and ';' as RFC 3261 permits.</summary>
internal static class ViaParser
{
    public static bool TryParse(ReadOnlySpan<byte> s, out ViaParts parts)
    {
        parts = default;
        parts.Port = -1;
        parts.Parameters = Segment.Absent;
        var i = SipSyntax.SkipWhitespace(s, 0);
        if (!TryReadToken(s, ref i, out parts.ProtocolName) || !TrySkip(s, ref i, (byte)'/')
            || !TryReadToken(s, ref i, out parts.ProtocolVersion) || !TrySkip(s, ref i, (byte)'/')
            || !TryReadToken(s, ref i, out parts.Transport))
        {
            return false;
        }

        var beforeHost = i;
        i = SipSyntax.SkipWhitespace(s, i);
        if (i == beforeHost || i == s.Length)
        {
            return false;
        }

        var hostStart = i;
        if (s[i] == '[')
        {
            var close = s[i..].IndexOf((byte)']');
            if (close < 0)
            {
                return false;
            }

            i += close + 1;
        }
        else
        {
            var hostLength = SipSyntax.IndexOfNonToken(s[i..]);
            i = hostLength < 0 ? s.Length : i + hostLength;
        }

        if (!SipSyntax.IsHost(s[hostStart..i]))
        {
            return false;
        }

        parts.Host = new Segment(hostStart, i - hostStart);
        var afterHost = SipSyntax.SkipWhitespace(s, i);
        if (afterHost < s.Length && s[afterHost] == ':')
        {
            i = SipSyntax.SkipWhitespace(s, afterHost + 1);
            var portStart = i;
            while (i < s.Length && char.IsAsciiDigit((char)s[i]))
            {
                i++;
            }

            if (!SipSyntax.TryParseNumber(s[portStart..i], 65535, out var port))
            {
                return false;
            }

            parts.Port = (int)port;
        }

        var rest = s[i..];
        if (!SipParameterReader.Validate(rest, (byte)';'))
        {
            return false;
        }

        if (SipSyntax.TrimWhitespace(rest).Length > 0)
        {
            parts.Parameters = new Segment(i, rest.Length);
        }

        return true;
    }

    private static bool TryReadToken(ReadOnlySpan<byte> s, ref int i, out Segment token)
    {
        i = SipSyntax.SkipWhitespace(s, i);
        var start = i;
        var length = SipSyntax.IndexOfNonToken(s[i..]);
        i = length < 0 ? s.Length : i + length;

        token = new Segment(start, i - start);
        return i > start;
    }

    private static bool TrySkip(ReadOnlySpan<byte> s, ref int i, byte expected)
    {
        i = SipSyntax.SkipWhitespace(s, i);
        if (i < s.Length && s[i] == expected)
        {
            i++;
            return true;
        }

        return false;
    }
}
