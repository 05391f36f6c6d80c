namespace Telephony.Ivr.Prompts;

/// <summary>Where a rendered prompt's audio comes from.</summary>
public enum PromptSource
{
    /// <summary>An uploaded recording, which overrides the text for its node and language.</summary>
    Recording,

    /// <summary>The text, spoken by the text-to-speech provider.</summary>
    Speech,
}
