namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The caller pressed <see cref="Key"/> in a menu, which leads to <see cref="Target"/>.</summary>
public sealed record MenuOptionChosen(DateTimeOffset At, string NodeId, string Key, string Target) : IvrEvent(At, NodeId);
