namespace Telephony.Ivr.Interpreter.Events;

/// <summary>
/// A collect-digits node stored <see cref="Digits"/> in <see cref="Variable"/> (masked with '*' when the variable is
/// sensitive; see <see cref="IvrCallContext.SensitiveVariables"/>).
/// </summary>
public sealed record DigitsCollected(DateTimeOffset At, string NodeId, string Variable, string Digits, bool Confirmed) : IvrEvent(At, NodeId);
