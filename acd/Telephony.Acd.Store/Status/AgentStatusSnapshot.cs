using Telephony.Acd.Agents;

namespace Telephony.Acd.Store.Status;

/// <summary>An agent's last recorded status: what a restarted host restores (log in, break with reason, or leave logged out).</summary>
public sealed record AgentStatusSnapshot(string AgentId, AgentStatus Status, string? Reason, DateTimeOffset At);
