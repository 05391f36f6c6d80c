namespace Telephony.Sip.Messages;

/// <summary>Where one header field lies in the message bytes; the value is trimmed of surrounding LWS.</summary>
internal readonly record struct SipHeaderEntry(SipHeaderKind Kind, int NameStart, int NameLength, int ValueStart, int ValueLength);
