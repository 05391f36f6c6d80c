namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The caller asked to be called back.</summary>
public sealed record CallbackRequested(DateTimeOffset At, string NodeId, CallbackRequest Request) : IvrEvent(At, NodeId);
