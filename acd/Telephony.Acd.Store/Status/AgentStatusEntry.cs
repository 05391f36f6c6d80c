namespace Telephony.Acd.Store.Status;

/// <summary>
/// One row for acd_agent_status_log. Kind is "status" or "state"; <see cref="Id"/> is made by the writer so a replayed
/// row is recognised. ChangedBy names a supervisor who forced a status, null when the agent or the system did.
/// </summary>
public sealed record AgentStatusEntry(Guid Id, string AgentId, DateTimeOffset At, string Kind, string Value, string? Reason, string? ChangedBy);
