using Telephony.Ivr.Model;

namespace Telephony.Ivr.Prompts;

/// <summary>One prompt of one node in one language, ready in the cache.</summary>
public sealed record RenderedPrompt
{
    public required string NodeId { get; init; }

    /// <summary>"prompt", "invalidPrompt", "timeoutPrompt", …: the JSON name of the prompt in the node.</summary>
    public required string PromptName { get; init; }

    public required Language Language { get; init; }

    public required PromptSource Source { get; init; }

    /// <summary>The file, relative to the prompt cache directory.</summary>
    public required string FileName { get; init; }

    /// <summary>For speech: the cache key, provider, voice and text it was made from.</summary>
    public string? CacheKey { get; init; }

    public string? Provider { get; init; }

    public string? Voice { get; init; }

    public string? Text { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>True when this render synthesised the file; false when the cache already had it.</summary>
    public bool Synthesised { get; init; }
}
