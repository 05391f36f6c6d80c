namespace Telephony.Ivr.Interpreter;

/// <summary>A recorded voice message: the mailbox it belongs to, the WAV file and how long the caller spoke.</summary>
public sealed record VoicemailMessage(string Mailbox, string Path, TimeSpan Duration, DateTimeOffset RecordedAt);
