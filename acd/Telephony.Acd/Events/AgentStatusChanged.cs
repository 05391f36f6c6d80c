using Telephony.Acd.Agents;

namespace Telephony.Acd.Events;

public sealed record AgentStatusChanged(
    string AgentId,
    AgentStatusTransition Transition,
    AgentStatus From,
    AgentStatus To,
    string? BreakReason,
    DateTimeOffset At) : AcdEvent(At);
