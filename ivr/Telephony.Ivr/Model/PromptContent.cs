using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>
/// What the caller hears for one language: an uploaded recording, text for the speech synthesiser, or both
/// (the recording plays when present; the text is its transcript and the fallback when the file is missing).
/// </summary>
public sealed record PromptContent
{
    /// <summary>Text for text-to-speech, in the prompt's language.</summary>
    public string? Text { get; init; }

    /// <summary>Reference to an uploaded recording in the prompt store, e.g. "prompts/az/greeting.wav".</summary>
    public string? Audio { get; init; }

    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Audio);
}
