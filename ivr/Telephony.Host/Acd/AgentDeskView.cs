namespace Telephony.Host.Acd;

/// <summary>
/// The agent desktop's state as JSON: status ("available", "break", "loggedOut"), state ("idle", "reserved", "ringing",
/// "onCall", "wrapUp") and since when, the call in hand, and the last call offered (its disposition can still be
/// written after the wrap-up time ran out). <see cref="At"/> is the server's clock, so pages count time without drift.
/// </summary>
public sealed record AgentDeskView(
    DateTimeOffset At,
    string Extension,
    string Status,
    string? BreakReason,
    string State,
    DateTimeOffset StateSince,
    DeskCallView? Call,
    DeskCallCard? LastCall);
