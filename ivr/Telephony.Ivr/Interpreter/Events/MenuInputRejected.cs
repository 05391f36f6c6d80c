namespace Telephony.Ivr.Interpreter.Events;

/// <summary>
/// The node did not accept what the caller typed (<see cref="Input"/>, masked for sensitive variables); this was
/// attempt <see cref="Attempt"/> (1 for the first ask).
/// </summary>
public sealed record MenuInputRejected(DateTimeOffset At, string NodeId, string Input, int Attempt) : IvrEvent(At, NodeId);
