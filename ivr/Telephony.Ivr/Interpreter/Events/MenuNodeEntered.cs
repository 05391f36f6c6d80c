namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The call entered a node; <see cref="Kind"/> is the node's JSON kind.</summary>
public sealed record MenuNodeEntered(DateTimeOffset At, string NodeId, string Kind) : IvrEvent(At, NodeId);
