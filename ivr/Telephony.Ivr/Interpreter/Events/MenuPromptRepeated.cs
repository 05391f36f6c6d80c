namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The caller pressed the repeat key and heard the menu again (not counted as a retry).</summary>
public sealed record MenuPromptRepeated(DateTimeOffset At, string NodeId) : IvrEvent(At, NodeId);
