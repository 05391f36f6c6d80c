namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The caller was bridged to the allowlisted <see cref="Number"/>.</summary>
public sealed record CallTransferred(DateTimeOffset At, string NodeId, string Number) : IvrEvent(At, NodeId);
