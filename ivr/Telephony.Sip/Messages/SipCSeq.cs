namespace Telephony.Sip.Messages;

/// <summary>The CSeq header: sequence number and method (the method's text for extension methods).</summary>
public readonly record struct SipCSeq(uint Number, SipMethod Method, string MethodName)
{
    public override string ToString() => $"{Number} {MethodName}";
}
