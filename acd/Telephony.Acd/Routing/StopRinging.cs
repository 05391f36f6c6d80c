namespace Telephony.Acd.Routing;

/// <summary>Stop ringing the agent's phone: the offer timed out or was withdrawn.</summary>
public sealed record StopRinging(string AgentId, string CallId) : AcdCommand;
