namespace Telephony.Sip.Messages;

/// <summary>
/// A header to write: <see cref="Raw"/> bytes copied from a received message (empty for a text header), then
/// <see cref="Text"/> (the whole value of a text header, or a suffix such as ";tag=..." after raw bytes).
/// </summary>
internal readonly record struct SipHeaderLine(string Name, ReadOnlyMemory<byte> Raw, string? Text);
