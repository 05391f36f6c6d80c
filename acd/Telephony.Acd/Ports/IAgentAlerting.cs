namespace Telephony.Acd.Ports;

/// <summary>
/// Rings an agent's phone with a queued caller (the call-control layer implements it). Executes
/// <see cref="Routing.RingAgent"/> and <see cref="Routing.StopRinging"/>; the host reports the answer with
/// <see cref="Routing.AcdEngine.Answer"/> and a failure with <see cref="Routing.AcdEngine.RingFailed"/>.
/// </summary>
public interface IAgentAlerting
{
    ValueTask RingAsync(string agentId, string extension, string callId, TimeSpan ringTimeout, CancellationToken cancellationToken);

    ValueTask StopRingingAsync(string agentId, string callId, CancellationToken cancellationToken);
}
