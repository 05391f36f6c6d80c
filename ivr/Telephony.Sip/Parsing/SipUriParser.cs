using System.Text;

using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>Validates and slices SIP, SIPS and TEL URIs (RFC 3261 19.1, RFC 3966); other schemes are checked only as absoluteURI.</summary>
internal static class SipUriParser
{
    public static bool TryParse(ReadOnlySpan<byte> s, out SipUriParts parts)
    {
        parts = default;
        parts.Port = -1;
        parts.User = parts.Password = parts.Host = parts.Parameters = parts.Headers = Segment.Absent;
        var colon = s.IndexOf((byte)':');
        if (colon <= 0 || !IsScheme(s[..colon]))
        {
            return false;
        }

        parts.SchemeName = new Segment(0, colon);
        var scheme = s[..colon];
        if (Ascii.EqualsIgnoreCase(scheme, "sip"u8))
        {
            parts.Scheme = SipUriScheme.Sip;
        }
        else if (Ascii.EqualsIgnoreCase(scheme, "sips"u8))
        {
            parts.Scheme = SipUriScheme.Sips;
        }
        else if (Ascii.EqualsIgnoreCase(scheme, "tel"u8))
        {
            parts.Scheme = SipUriScheme.Tel;
            return TryParseTel(s, colon + 1, ref parts);
        }
        else
        {
            parts.Scheme = SipUriScheme.Other;
            return IsOpaque(s[(colon + 1)..]);
        }

        return TryParseSip(s, colon + 1, ref parts);
    }

    private static bool TryParseSip(ReadOnlySpan<byte> s, int i, ref SipUriParts parts)
    {
        var at = s[i..].IndexOf((byte)'@');
        if (at >= 0)
        {
            var userInfo = s.Slice(i, at);
            var passwordColon = userInfo.IndexOf((byte)':');
            var user = passwordColon < 0 ? userInfo : userInfo[..passwordColon];
            if (user.IsEmpty || !SipSyntax.IsUriComponent(user, UriComponent.User))
            {
                return false;
            }

            parts.User = new Segment(i, user.Length);
            if (passwordColon >= 0)
            {
                var password = userInfo[(passwordColon + 1)..];
                if (!SipSyntax.IsUriComponent(password, UriComponent.Password))
                {
                    return false;
                }

                parts.Password = new Segment(i + passwordColon + 1, password.Length);
            }

            i += at + 1;
        }

        var hostStart = i;
        if (i < s.Length && s[i] == '[')
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
            var hostLength = s[i..].IndexOfAny(":;?"u8);
            i = hostLength < 0 ? s.Length : i + hostLength;
        }

        if (!SipSyntax.IsHost(s[hostStart..i]))
        {
            return false;
        }

        parts.Host = new Segment(hostStart, i - hostStart);
        if (i < s.Length && s[i] == ':')
        {
            var portStart = ++i;
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

        var parametersStart = i;
        while (i < s.Length && s[i] == ';')
        {
            var nameStart = ++i;
            var nameLength = s[i..].IndexOfAny(";?="u8);
            i = nameLength < 0 ? s.Length : i + nameLength;

            if (i == nameStart || !SipSyntax.IsUriComponent(s[nameStart..i], UriComponent.Parameter))
            {
                return false;
            }

            if (i < s.Length && s[i] == '=')
            {
                var valueStart = ++i;
                var valueLength = s[i..].IndexOfAny((byte)';', (byte)'?');
                i = valueLength < 0 ? s.Length : i + valueLength;

                if (i == valueStart || !SipSyntax.IsUriComponent(s[valueStart..i], UriComponent.Parameter))
                {
                    return false;
                }
            }
        }

        if (i > parametersStart)
        {
            parts.Parameters = new Segment(parametersStart, i - parametersStart);
        }

        if (i < s.Length && s[i] == '?')
        {
            var headersStart = i + 1;
            foreach (var header in new SipSplitter(s[headersStart..], (byte)'&'))
            {
                var equals = header.IndexOf((byte)'=');
                if (equals <= 0
                    || !SipSyntax.IsUriComponent(header[..equals], UriComponent.Header)
                    || !SipSyntax.IsUriComponent(header[(equals + 1)..], UriComponent.Header))
                {
                    return false;
                }
            }

            parts.Headers = new Segment(headersStart, s.Length - headersStart);
            i = s.Length;
        }

        return i == s.Length;
    }

    private static bool TryParseTel(ReadOnlySpan<byte> s, int i, ref SipUriParts parts)
    {
        var rest = s[i..];
        var semicolon = rest.IndexOf((byte)';');
        var number = semicolon < 0 ? rest : rest[..semicolon];
        if (number.IsEmpty || !IsOpaque(rest))
        {
            return false;
        }

        parts.User = new Segment(i, number.Length);
        if (semicolon >= 0)
        {
            parts.Parameters = new Segment(i + semicolon, rest.Length - semicolon);
        }

        return true;
    }

    private static bool IsScheme(ReadOnlySpan<byte> scheme)
    {
        if (!char.IsAsciiLetter((char)scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit((char)c) && c is not ((byte)'+' or (byte)'-' or (byte)'.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOpaque(ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty)
        {
            return false;
        }

        foreach (var c in rest)
        {
            if (c <= ' ' || c >= 0x7F || c is (byte)'<' or (byte)'>' or (byte)'"')
            {
                return false;
            }
        }

        return true;
    }
}
