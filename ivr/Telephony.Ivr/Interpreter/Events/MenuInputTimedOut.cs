namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The caller pressed nothing before the node's timeout on attempt <see cref="Attempt"/>.</summary>
public sealed record MenuInputTimedOut(DateTimeOffset At, string NodeId, int Attempt) : IvrEvent(At, NodeId);
