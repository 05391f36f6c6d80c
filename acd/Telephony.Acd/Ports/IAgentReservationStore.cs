namespace Telephony.Acd.Ports;

/// <summary>
/// Who holds each agent, shared by every server process (the PostgreSQL implementation lives in its own project).
/// The engine asks through <see cref="Routing.ReserveAgent"/> and releases through <see cref="Routing.ReleaseReservation"/>
/// commands; the host calls this store and reports the outcome back to the engine.
/// </summary>
public interface IAgentReservationStore
{
    /// <summary>
    /// Atomically takes the agent for the call across all processes. True when this call now holds the agent
    /// (also when it already held it); false when another call holds it.
    /// Report true with <see cref="Routing.AcdEngine.ConfirmReservation"/>, false with <see cref="Routing.AcdEngine.RejectReservation"/>.
    /// </summary>
    ValueTask<bool> TryReserveAsync(string agentId, string callId, CancellationToken cancellationToken);

    /// <summary>Frees the agent if, and only if, this call holds it; releasing a reservation that is gone is not an error.</summary>
    ValueTask ReleaseAsync(string agentId, string callId, CancellationToken cancellationToken);
}
