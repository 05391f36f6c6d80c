namespace Telephony.Sip.Parsing;

/// <summary>
/// Reads <c>;name[=value]</c> header parameters (or comma-separated auth-params) with LWS allowed around
/// separators; values are tokens, hosts (IPv6 included) or quoted strings. Never allocates.
/// </summary>
internal ref struct SipParameterReader
{
    private readonly ReadOnlySpan<byte> _source;
    private readonly byte _separator;
    private bool _separatorPending;
    private int _index;

    public SipParameterReader(ReadOnlySpan<byte> source, byte separator, bool firstHasSeparator = true)
    {
        _source = source;
        _separator = separator;
        _separatorPending = firstHasSeparator;
    }

    public bool Malformed { get; private set; }

    public bool TryRead(out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out bool hasValue)
    {
        name = default;
        value = default;
        hasValue = false;
        var s = _source;
        var i = SipSyntax.SkipWhitespace(s, _index);
        if (i == s.Length)
        {
            return false;
        }

        if (_separatorPending)
        {
            if (s[i] != _separator)
            {
                return Fail();
            }

            i = SipSyntax.SkipWhitespace(s, i + 1);
        }

        _separatorPending = true;
        var nameStart = i;
        var nameLength = SipSyntax.IndexOfNonToken(s[i..]);
        i = nameLength < 0 ? s.Length : i + nameLength;

        if (i == nameStart)
        {
            return Fail();
        }

        name = s[nameStart..i];
        var afterName = SipSyntax.SkipWhitespace(s, i);
        if (afterName < s.Length && s[afterName] == '=')
        {
            i = SipSyntax.SkipWhitespace(s, afterName + 1);
            var valueStart = i;
            if (i < s.Length && s[i] == '"')
            {
                i = SipSyntax.SkipQuotedString(s, i);
                if (i < 0)
                {
                    return Fail();
                }
            }
            else
            {
                while (i < s.Length && (SipSyntax.IsTokenChar(s[i]) || s[i] is (byte)':' or (byte)'[' or (byte)']' or (byte)'/'))
                {
                    i++;
                }
            }

            if (i == valueStart)
            {
                return Fail();
            }

            value = s[valueStart..i];
            hasValue = true;
        }

        _index = i;
        return true;
    }

    /// <summary>Reads every parameter; true when the whole span is well formed.</summary>
    public static bool Validate(ReadOnlySpan<byte> source, byte separator, bool firstHasSeparator = true)
    {
        var reader = new SipParameterReader(source, separator, firstHasSeparator);
        while (reader.TryRead(out _, out _, out _))
        {
        }

        return !reader.Malformed;
    }

    private bool Fail()
    {
        Malformed = true;
        _index = _source.Length;
        return false;
    }
}
