using Telephony.Ivr.Model;

namespace Telephony.Ivr.Store.Prompts;

/// <summary>An uploaded recording, already converted to 8 kHz 16-bit mono PCM WAV.</summary>
public sealed record PromptUpload
{
    public required string Sha256 { get; init; }

    public required string TreeId { get; init; }

    public required string NodeId { get; init; }

    public required Language Language { get; init; }

    public required string OriginalName { get; init; }

    public required ReadOnlyMemory<byte> Wav { get; init; }

    public required int DurationMilliseconds { get; init; }

    public required string UploadedBy { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>How a tree's prompt refers to this recording ("uploads/&lt;sha256&gt;.wav").</summary>
    public string Reference => ReferenceFor(Sha256);

    public static string ReferenceFor(string sha256) => "uploads/" + sha256 + ".wav";

    /// <summary>The SHA-256 in a reference made by <see cref="ReferenceFor"/>, or null for any other reference.</summary>
    public static string? Sha256Of(string? reference) =>
        reference is { Length: 8 + 64 + 4 } && reference.StartsWith("uploads/", StringComparison.Ordinal) && reference.EndsWith(".wav", StringComparison.Ordinal)
            ? reference[8..^4]
            : null;
}
