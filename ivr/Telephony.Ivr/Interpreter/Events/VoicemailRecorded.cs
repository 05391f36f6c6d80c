namespace Telephony.Ivr.Interpreter.Events;

/// <summary>The caller left a voice message.</summary>
public sealed record VoicemailRecorded(DateTimeOffset At, string NodeId, VoicemailMessage Message) : IvrEvent(At, NodeId);
