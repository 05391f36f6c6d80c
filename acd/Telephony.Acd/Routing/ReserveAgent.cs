namespace Telephony.Acd.Routing;

/// <summary>
/// Take the agent in the shared reservation store (<see cref="Ports.IAgentReservationStore.TryReserveAsync"/>),
/// then report <see cref="AcdEngine.ConfirmReservation"/> or <see cref="AcdEngine.RejectReservation"/>.
/// </summary>
public sealed record ReserveAgent(string AgentId, string CallId) : AcdCommand;
