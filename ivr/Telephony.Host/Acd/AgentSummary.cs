namespace Telephony.Host.Acd;

/// <summary>One agent on the supervision page: chosen status, system state and since when it is idle.</summary>
public sealed record AgentSummary(string Extension, string Status, string? BreakReason, string State, DateTimeOffset IdleSince, bool OnCall);
