namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The menu handed the call to the ACD.</summary>
public sealed record CallHandedToQueue(DateTimeOffset At, string NodeId, QueueHandoff Handoff) : IvrEvent(At, NodeId);
