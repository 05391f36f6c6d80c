namespace Telephony.Sip.Parsing;

/// <summary><c>CSeq = 1*DIGIT LWS Method</c>; the number must be below 2^31 (RFC 3261 8.1.1.5).</summary>
internal static class CSeqParser
{
    public static bool TryParse(ReadOnlySpan<byte> value, out uint number, out ReadOnlySpan<byte> method)
    {
        number = 0;
        method = default;
        var s = SipSyntax.TrimWhitespace(value);
        var end = 0;
        while (end < s.Length && char.IsAsciiDigit((char)s[end]))
        {
            end++;
        }

        if (!SipSyntax.TryParseNumber(s[..end], int.MaxValue, out var parsed))
        {
            return false;
        }

        var methodStart = SipSyntax.SkipWhitespace(s, end);
        if (methodStart == end || !SipSyntax.IsToken(s[methodStart..]))
        {
            return false;
        }

        number = (uint)parsed;
        method = s[methodStart..];
        return true;
    }
}
