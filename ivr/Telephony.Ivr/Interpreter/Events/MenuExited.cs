namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The call left the menu at <see cref="IvrEvent.NodeId"/> because of <see cref="Exit"/>.</summary>
public sealed record MenuExited(DateTimeOffset At, string NodeId, IvrExit Exit) : IvrEvent(At, NodeId);
