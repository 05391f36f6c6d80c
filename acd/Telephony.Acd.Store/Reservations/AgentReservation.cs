namespace Telephony.Acd.Store.Reservations;

/// <summary>One row of acd_agent_reservations: the call holding an agent, and the host that took it.</summary>
public sealed record AgentReservation(string AgentId, string CallId, string HostId, DateTimeOffset ReservedAt);
