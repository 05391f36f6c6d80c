using System.Buffers;
using System.Text;

namespace Telephony.Sip.Parsing;

/// <summary>Byte-level character classes and small scanners of the RFC 3261 grammar.</summary>
internal static class SipSyntax
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string UnreservedMarks = "-_.!~*'()";

    // Vectorised membership tests for the hot validation paths; '%' is admitted here and its escapes checked separately.
    private static readonly SearchValues<byte> s_token = SearchValues.Create(Encoding.ASCII.GetBytes(Alphanumeric + "-.!%*_+`'~"));
    private static readonly SearchValues<byte> s_user = SearchValues.Create(Encoding.ASCII.GetBytes(Alphanumeric + UnreservedMarks + "%&=+$,;?/"));
    private static readonly SearchValues<byte> s_password = SearchValues.Create(Encoding.ASCII.GetBytes(Alphanumeric + UnreservedMarks + "%&=+$,"));
    private static readonly SearchValues<byte> s_parameter = SearchValues.Create(Encoding.ASCII.GetBytes(Alphanumeric + UnreservedMarks + "%[]/:&+$"));
    private static readonly SearchValues<byte> s_header = SearchValues.Create(Encoding.ASCII.GetBytes(Alphanumeric + UnreservedMarks + "%[]/?:+$"));
    private static readonly SearchValues<byte> s_host = SearchValues.Create(Encoding.ASCII.GetBytes(Alphanumeric + "-."));
    private static readonly SearchValues<byte> s_valueSpecials = SearchValues.Create("\"<>,"u8);

    /// <summary>Index of the first byte that is not a token character, or -1.</summary>
    public static int IndexOfNonToken(ReadOnlySpan<byte> s) => s.IndexOfAnyExcept(s_token);

    public static bool IsTokenChar(byte c) => s_token.Contains(c);

    public static bool IsWhitespace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static bool IsHexDigit(byte c) => char.IsAsciiHexDigit((char)c);

    public static bool IsToken(ReadOnlySpan<byte> value) => !value.IsEmpty && value.IndexOfAnyExcept(s_token) < 0;

    /// <summary>URI component check: each byte is in the class or a valid %HH escape.</summary>
    public static bool IsUriComponent(ReadOnlySpan<byte> value, UriComponent component)
    {
        var allowed = component switch
        {
            UriComponent.User => s_user,
            UriComponent.Password => s_password,
            UriComponent.Parameter => s_parameter,
            _ => s_header,
        };
        if (value.IndexOfAnyExcept(allowed) >= 0)
        {
            return false;
        }

        for (var i = value.IndexOf((byte)'%'); i >= 0 && i < value.Length; i++)
        {
            if (value[i] != '%')
            {
                continue;
            }

            if (i + 2 >= value.Length || !IsHexDigit(value[i + 1]) || !IsHexDigit(value[i + 2]))
            {
                return false;
            }

            i += 2;
        }

        return true;
    }

    public static bool IsHostName(ReadOnlySpan<byte> host) =>
        !host.IsEmpty && host.IndexOfAnyExcept(s_host) < 0 && host[0] != '-' && host[0] != '.';

    /// <summary>Loose IPv6 reference check: "[" hex digits, colons and dots "]". RFC 5118 asks for liberal acceptance.</summary>
    public static bool IsIPv6Reference(ReadOnlySpan<byte> host)
    {
        if (host.Length < 4 || host[0] != '[' || host[^1] != ']')
        {
            return false;
        }

        var colons = 0;
        foreach (var c in host[1..^1])
        {
            if (c == ':')
            {
                colons++;
            }
            else if (!IsHexDigit(c) && c != '.')
            {
                return false;
            }
        }

        return colons >= 2;
    }

    /// <summary>A Via sent-by or URI host: hostname, IPv4 address or bracketed IPv6 reference.</summary>
    public static bool IsHost(ReadOnlySpan<byte> host) => host.Length > 0 && (host[0] == '[' ? IsIPv6Reference(host) : IsHostName(host));

    public static int SkipWhitespace(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && IsWhitespace(s[i]))
        {
            i++;
        }

        return i;
    }

    public static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> s)
    {
        var start = 0;
        while (start < s.Length && IsWhitespace(s[start]))
        {
            start++;
        }

        var end = s.Length;
        while (end > start && IsWhitespace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    /// <summary>Index just past the closing quote of the quoted string starting at <paramref name="start"/>, or -1 if unterminated.</summary>
    public static int SkipQuotedString(ReadOnlySpan<byte> s, int start)
    {
        for (var i = start + 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Index of the next comma that separates header values: outside quoted strings and angle brackets.
    /// Returns s.Length when there is none, -1 when a quote or bracket is unbalanced.
    /// </summary>
    public static int IndexOfValueSeparator(ReadOnlySpan<byte> s)
    {
        var inAngle = false;
        for (var i = 0; i < s.Length; i++)
        {
            var next = s[i..].IndexOfAny(s_valueSpecials);
            if (next < 0)
            {
                break;
            }

            i += next;
            switch (s[i])
            {
                case (byte)'"':
                    var end = SkipQuotedString(s, i);
                    if (end < 0)
                    {
                        return -1;
                    }

                    i = end - 1;
                    break;
                case (byte)'<':
                    inAngle = true;
                    break;
                case (byte)'>':
                    inAngle = false;
                    break;
                case (byte)',' when !inAngle:
                    return i;
            }
        }

        return inAngle ? -1 : s.Length;
    }

    /// <summary>Parses 1*DIGIT into a value no larger than <paramref name="max"/>; nothing else may be present.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> s, long max, out long value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 19)
        {
            return false;
        }

        foreach (var c in s)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }

    public static string Decode(ReadOnlySpan<byte> s) => Encoding.UTF8.GetString(s);

    /// <summary>Decodes %HH escapes (RFC 3261 19.1.2) and returns the UTF-8 text.</summary>
    public static string Unescape(ReadOnlySpan<byte> s)
    {
        var percent = s.IndexOf((byte)'%');
        if (percent < 0)
        {
            return Encoding.UTF8.GetString(s);
        }

        var buffer = s.Length <= 256 ? stackalloc byte[s.Length] : new byte[s.Length];
        var length = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && IsHexDigit(s[i + 1]) && IsHexDigit(s[i + 2]))
            {
                buffer[length++] = (byte)((HexValue(s[i + 1]) << 4) | HexValue(s[i + 2]));
                i += 2;
            }
            else
            {
                buffer[length++] = s[i];
            }
        }

        return Encoding.UTF8.GetString(buffer[..length]);
    }

    /// <summary>Removes the quotes and quoted-pair backslashes of a quoted-string; other values are returned as they are.</summary>
    public static string Unquote(ReadOnlySpan<byte> s)
    {
        if (s.Length < 2 || s[0] != '"' || s[^1] != '"')
        {
            return Encoding.UTF8.GetString(s);
        }

        var inner = s[1..^1];
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(inner);
        }

        var buffer = inner.Length <= 256 ? stackalloc byte[inner.Length] : new byte[inner.Length];
        var length = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            buffer[length++] = inner[i];
        }

        return Encoding.UTF8.GetString(buffer[..length]);
    }

    private static int HexValue(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
