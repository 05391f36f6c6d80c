namespace Telephony.Host.Acd;

/// <summary>Every waiting caller and every agent at one moment of the dispatcher's loop.</summary>
public sealed record SupervisorSnapshot(
    DateTimeOffset At,
    IReadOnlyList<WaitingCallerSnapshot> Callers,
    IReadOnlyList<AgentDeskSnapshot> Agents);
