using System.Text;

namespace Telephony.Sip.Messages;

/// <summary>
/// One header field line as received: slices of the message bytes, nothing copied. <see cref="Name"/> is as sent
/// (compact or long form, any case). A folded value keeps its CRLF+whitespace continuations, which every value
/// parser treats as LWS.
/// </summary>
public readonly record struct SipHeaderField(SipHeaderKind Kind, ReadOnlyMemory<byte> Name, ReadOnlyMemory<byte> Value)
{
    public string GetNameString() => Encoding.UTF8.GetString(Name.Span);

    public string GetValueString() => Encoding.UTF8.GetString(Value.Span);

    public override string ToString() => $"{GetNameString()}: {GetValueString()}";
}
