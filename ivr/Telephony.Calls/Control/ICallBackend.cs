namespace Telephony.Calls.Control;

/// <summary>
/// The transport-neutral call-control API the IVR and the ACD drive. Our SIP stack is one backend; an existing
/// Asterisk driven over AMI/FastAGI is another. Everything above this interface is unaware of which one it talks to.
/// </summary>
public interface ICallBackend
{
    /// <summary>
    /// Sets who takes new inbound calls. The handler runs once per call; the call is in <see cref="CallState.Offered"/>
    /// and the handler decides to answer or reject it. A handler that returns without answering rejects the call.
    /// </summary>
    void OnIncomingCall(Func<ICall, CancellationToken, Task> handler);

    /// <summary>
    /// Places an outbound call (an agent's registered phone, a callback to a citizen) and waits until it is answered,
    /// refused, or not answered in time. Cancelling the token withdraws the call (SIP CANCEL).
    /// Only registered users and allow-listed numbers are dialled: the backend refuses anything else.
    /// </summary>
    Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken);
}
