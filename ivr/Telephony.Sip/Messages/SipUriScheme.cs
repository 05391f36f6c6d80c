namespace Telephony.Sip.Messages;

/// <summary>The URI schemes the stack understands; anything else is <see cref="Other"/> (answered 416 by the layer above).</summary>
public enum SipUriScheme
{
    Other,
    Sip,
    Sips,
    Tel,
}
