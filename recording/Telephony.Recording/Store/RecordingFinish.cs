namespace Telephony.Recording.Store;

/// <summary>The facts written to a recording's row when it finishes or is recovered.</summary>
public sealed record RecordingFinish(
    RecordingStatus Status,
    long DurationMs,
    long? TalkMs,
    long SizeBytes,
    string? Sha256,
    string? Codec,
    bool LengthMismatch,
    string Path,
    string? KeyId);
