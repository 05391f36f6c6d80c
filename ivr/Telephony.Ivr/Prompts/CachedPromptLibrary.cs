using Telephony.Calls.Media;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Prompts;

/// <summary>
/// Serves the interpreter prompts and spoken values from the prompt cache, where they were rendered at publish (prompts)
/// and at start (the closed vocabulary of number, date and time words). Nothing is synthesised here: a rendering that is
/// missing plays as nothing rather than making a caller wait for speech synthesis.
/// </summary>
public sealed class CachedPromptLibrary(PromptCache cache, ITextToSpeech speech) : IPromptLibrary
{
    public IReadOnlyList<AudioSource> Prompt(PromptKey key, PromptContent content, Language language)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!string.IsNullOrWhiteSpace(content.Audio) && cache.Contains(content.Audio))
        {
            return [AudioSource.File(cache.FullPath(content.Audio))];
        }

        return string.IsNullOrWhiteSpace(content.Text) ? [] : Speech(content.Text, language);
    }

    public IReadOnlyList<AudioSource> Say(SpokenValue value, Language language)
    {
        ArgumentNullException.ThrowIfNull(value);
        return [.. PromptRequirements.SplitWords(value.Words(language)).SelectMany(word => Speech(word, language))];
    }

    /// <summary>The cache file of a text as the configured provider and voice render it, when it has been rendered.</summary>
    public string? RenderedFile(string text, Language language)
    {
        var file = PromptCache.SpeechFileName(PromptCache.KeyFor(speech.Provider, speech.DefaultVoice(language), language, text));
        return cache.Contains(file) ? cache.FullPath(file) : null;
    }

    private IReadOnlyList<AudioSource> Speech(string text, Language language) =>
        RenderedFile(text, language) is { } path ? [AudioSource.File(path)] : [];
}
