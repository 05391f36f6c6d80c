namespace Telephony.Sip.Messages;

/// <summary>A header to write: its value is text, raw bytes copied from a received message, or raw bytes plus a suffix.</summary>
internal readonly record struct SipHeaderLine(string Name, string? Text, ReadOnlyMemory<byte> Raw, string? Suffix);
