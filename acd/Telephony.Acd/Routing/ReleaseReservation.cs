namespace Telephony.Acd.Routing;

/// <summary>Release the agent in the shared reservation store if it is still held for this call.</summary>
public sealed record ReleaseReservation(string AgentId, string CallId) : AcdCommand;
