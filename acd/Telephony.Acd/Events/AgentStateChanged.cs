using Telephony.Acd.Agents;

namespace Telephony.Acd.Events;

public sealed record AgentStateChanged(
    string AgentId,
    AgentStateTransition Transition,
    AgentState From,
    AgentState To,
    string? CallId,
    DateTimeOffset At) : AcdEvent(At);
