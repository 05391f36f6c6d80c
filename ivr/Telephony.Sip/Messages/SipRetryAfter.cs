using System.Text;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>Retry-After: delta-seconds, an optional comment and parameters such as duration (RFC 3261 20.33).</summary>
public sealed class SipRetryAfter
{
    private SipRetryAfter(uint seconds, string? comment, SipParameterList parameters)
    {
        Seconds = seconds;
        Comment = comment;
        Parameters = parameters;
    }

    public uint Seconds { get; }

    public string? Comment { get; }

    public SipParameterList Parameters { get; }

    public uint? Duration => SipContact.ParseDeltaSeconds(Parameters["duration"]);

    public static bool TryParse(ReadOnlySpan<byte> source, out SipRetryAfter? retryAfter)
    {
        retryAfter = null;
        var s = SipSyntax.TrimWhitespace(source);
        var end = 0;
        while (end < s.Length && char.IsAsciiDigit((char)s[end]))
        {
            end++;
        }

        if (!SipSyntax.TryParseNumber(s[..end], uint.MaxValue, out var seconds))
        {
            return false;
        }

        var i = SipSyntax.SkipWhitespace(s, end);
        string? comment = null;
        if (i < s.Length && s[i] == '(')
        {
            var close = s[i..].IndexOf((byte)')');
            if (close < 0)
            {
                return false;
            }

            comment = Encoding.UTF8.GetString(s.Slice(i + 1, close - 1));
            i += close + 1;
        }

        var rest = s[i..];
        if (!SipParameterReader.Validate(rest, (byte)';'))
        {
            return false;
        }

        retryAfter = new SipRetryAfter((uint)seconds, comment, SipParameterList.FromHeader(rest));
        return true;
    }
}
