namespace Telephony.Host.Acd;

/// <summary>Body of PUT /api/agents/{extension}/status: "available", "break" (with a reason) or "loggedOut".</summary>
public sealed record AgentStatusRequest(string Status, string? Reason);
