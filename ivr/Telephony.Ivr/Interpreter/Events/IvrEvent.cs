namespace Telephony.Ivr.Interpreter.Events;

/// <summary>Something that happened to a call in the menu, at virtual-clock time <see cref="At"/>, at node <see cref="NodeId"/>.</summary>
public abstract record IvrEvent(DateTimeOffset At, string NodeId);
