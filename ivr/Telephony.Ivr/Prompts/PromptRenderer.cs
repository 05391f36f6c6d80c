using Telephony.Ivr.Model;

namespace Telephony.Ivr.Prompts;

/// <summary>
/// Makes every prompt of a tree playable ahead of time — at publish, never during a call: an uploaded recording where
/// the prompt has one (it overrides the text for that node and language), otherwise the text spoken by the provider.
/// Speech already in the cache is not synthesised again.
/// </summary>
public sealed class PromptRenderer(ITextToSpeech speech, PromptCache cache)
{
    public string Provider => speech.Provider;

    /// <summary>Renders every prompt (including invalid, timeout and confirmation prompts) in every enabled language.</summary>
    public async Task<IReadOnlyList<RenderedPrompt>> RenderAllAsync(MenuTree tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var rendered = new List<RenderedPrompt>();
        foreach (var (nodeId, node) in tree.Nodes.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            foreach (var (name, prompt) in Prompts(node))
            {
                foreach (var language in tree.Languages.Distinct())
                {
                    if (prompt.TryGetValue(language, out var content) &&
                        await RenderAsync(nodeId, name, content, language, cancellationToken) is { } one)
                    {
                        rendered.Add(one);
                    }
                }
            }
        }

        return rendered;
    }

    /// <summary>Renders one prompt; null when it has neither text nor a recording.</summary>
    public async Task<RenderedPrompt?> RenderAsync(string nodeId, string promptName, PromptContent content, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!string.IsNullOrWhiteSpace(content.Audio) && cache.Contains(content.Audio))
        {
            return new RenderedPrompt
            {
                NodeId = nodeId, PromptName = promptName, Language = language, Source = PromptSource.Recording,
                FileName = content.Audio, Duration = await DurationAsync(content.Audio, cancellationToken),
            };
        }

        if (string.IsNullOrWhiteSpace(content.Text))
        {
            return string.IsNullOrWhiteSpace(content.Audio)
                ? null
                : throw new PromptException($"Node '{nodeId}' {promptName} [{language.Code()}]: recording '{content.Audio}' is not in the prompt cache and there is no text to speak instead.");
        }

        var voice = speech.DefaultVoice(language);
        var key = PromptCache.KeyFor(speech.Provider, voice, language, content.Text);
        var fileName = PromptCache.SpeechFileName(key);
        var synthesise = !cache.Contains(fileName);
        TimeSpan duration;
        if (synthesise)
        {
            var audio = await speech.SynthesizeAsync(content.Text, language, voice, cancellationToken);
            await cache.WriteAsync(fileName, audio, cancellationToken);
            duration = audio.Duration;
        }
        else
        {
            duration = await DurationAsync(fileName, cancellationToken);
        }

        return new RenderedPrompt
        {
            NodeId = nodeId, PromptName = promptName, Language = language, Source = PromptSource.Speech, FileName = fileName,
            CacheKey = key, Provider = speech.Provider, Voice = voice, Text = content.Text, Duration = duration, Synthesised = synthesise,
        };
    }

    private static IEnumerable<KeyValuePair<string, IReadOnlyDictionary<Language, PromptContent>>> Prompts(IvrNode node)
    {
        yield return new("prompt", node.Prompt);
        foreach (var extra in node.ExtraPrompts())
        {
            yield return extra;
        }
    }

    private async Task<TimeSpan> DurationAsync(string fileName, CancellationToken cancellationToken) =>
        (await cache.ReadAsync(fileName, cancellationToken))?.Duration ?? TimeSpan.Zero;
}
