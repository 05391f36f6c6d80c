using Telephony.Acd.Agents;

namespace Telephony.Host.Acd;

/// <summary>
/// One agent as the dispatcher sees it now: chosen status, system state and since when, the call in hand
/// (<see cref="Card"/>, while reserved, ringing, on call or in wrap-up) and the last call offered (for a late disposition).
/// </summary>
public sealed record AgentDeskSnapshot(
    string Extension,
    AgentStatus Status,
    string? BreakReason,
    AgentState State,
    DateTimeOffset StateSince,
    DeskCallCard? Card,
    DeskCallCard? LastCall);
