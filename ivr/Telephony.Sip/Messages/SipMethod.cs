namespace Telephony.Sip.Messages;

/// <summary>SIP request methods; <see cref="Extension"/> covers any other token (its text is kept on the message).</summary>
public enum SipMethod
{
    Extension,
    Invite,
    Ack,
    Bye,
    Cancel,
    Register,
    Options,
    Info,
    Prack,
    Update,
    Subscribe,
    Notify,
    Refer,
    Message,
    Publish,
}
