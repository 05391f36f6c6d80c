namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The node gave up asking; <see cref="Target"/> is its onRetriesExhausted node, or null when the call ends.</summary>
public sealed record MenuRetriesExhausted(DateTimeOffset At, string NodeId, string? Target) : IvrEvent(At, NodeId);
