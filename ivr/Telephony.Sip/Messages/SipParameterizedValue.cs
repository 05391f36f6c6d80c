using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>A value followed by header parameters: Event (package;id=...), Content-Type (type/subtype;params), Subscription-State.</summary>
public sealed class SipParameterizedValue
{
    private SipParameterizedValue(string value, SipParameterList parameters)
    {
        Value = value;
        Parameters = parameters;
    }

    public string Value { get; }

    public SipParameterList Parameters { get; }

    public static bool TryParse(ReadOnlySpan<byte> source, out SipParameterizedValue? result)
    {
        result = null;
        var s = SipSyntax.TrimWhitespace(source);
        var end = s.IndexOf((byte)';');
        var value = SipSyntax.TrimWhitespace(end < 0 ? s : s[..end]);
        if (value.IsEmpty)
        {
            return false;
        }

        var rest = end < 0 ? default : s[end..];
        if (!SipParameterReader.Validate(rest, (byte)';'))
        {
            return false;
        }

        result = new SipParameterizedValue(SipSyntax.Decode(value), SipParameterList.FromHeader(rest));
        return true;
    }

    public override string ToString() => Value;
}
