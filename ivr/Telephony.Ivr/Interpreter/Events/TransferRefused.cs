namespace Telephony.Ivr.Interpreter.Events;

/// <summary>A transfer node named <see cref="Number"/>, which is on no allowlist; nothing was dialled.</summary>
public sealed record TransferRefused(DateTimeOffset At, string NodeId, string Number) : IvrEvent(At, NodeId);
