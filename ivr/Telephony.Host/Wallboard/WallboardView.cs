namespace Telephony.Host.Wallboard;

/// <summary>
/// What GET /api/wallboard returns: hotline calls by phase, agents by state (keys idle, reserved, ringing, on_call,
/// wrap_up, break, logged_out) and one by one, and a tile per queue.
/// </summary>
public sealed record WallboardView(
    DateTimeOffset At,
    WallboardCalls Calls,
    IReadOnlyDictionary<string, int> AgentsByState,
    IReadOnlyList<WallboardAgent> Agents,
    IReadOnlyList<WallboardQueue> Queues);
