namespace Telephony.Sip.Stack;

/// <summary>
/// The TU for requests outside any dialog: INVITE, REGISTER, OPTIONS (unless the stack answers them), MESSAGE,
/// SUBSCRIBE and the rest. Called on the Call-ID's worker: return quickly and answer (now or later, from any thread)
/// with <see cref="SipServerRequest.Respond(Telephony.Sip.Messages.SipMessageBuilder)"/>. For INVITE, 100 Trying is already sent.
/// </summary>
public interface ISipRequestHandler
{
    void OnRequest(SipServerRequest request);
}
