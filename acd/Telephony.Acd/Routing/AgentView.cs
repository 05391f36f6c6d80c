using Telephony.Acd.Agents;

namespace Telephony.Acd.Routing;

/// <summary>A snapshot of one agent for pages, wallboards and tests.</summary>
public sealed record AgentView(
    string AgentId,
    string Extension,
    AgentStatus Status,
    string? BreakReason,
    AgentState State,
    string? CallId,
    DateTimeOffset IdleSince,
    int ConsecutiveNoAnswers,
    DateTimeOffset? ReservationBackoffUntil);
