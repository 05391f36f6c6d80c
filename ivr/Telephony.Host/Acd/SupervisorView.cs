namespace Telephony.Host.Acd;

/// <summary>
/// The supervisor page's state as JSON: callers waiting per queue, agents, and today's counts per queue
/// (<see cref="CountsAvailable"/> false while the database cannot answer). <see cref="At"/> is the server's clock.
/// </summary>
public sealed record SupervisorView(
    DateTimeOffset At,
    IReadOnlyList<WaitingCallerSnapshot> Callers,
    IReadOnlyList<SupervisorAgentView> Agents,
    IReadOnlyList<QueueDayCounts> Today,
    bool CountsAvailable);
