using Telephony.Ivr.Model;
using Telephony.Ivr.Prompts;

namespace Telephony.Ivr.Tests.Prompts;

/// <summary>Rendering a tree's prompts ahead of time with the real espeak-ng and sox.</summary>
public sealed class PromptRendererTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prompt-cache-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RenderAll_speaks_every_prompt_in_every_language_once_and_reuses_the_cache()
    {
        var cache = new PromptCache(_directory);
        var renderer = new PromptRenderer(new EspeakTextToSpeech(), cache);
        var tree = SmallTree(upload: null);

        var first = await renderer.RenderAllAsync(tree, default);
        var second = await renderer.RenderAllAsync(tree, default);

        Assert.Equal(9, first.Count);
        Assert.Equal(
            ["menu/invalidPrompt/Az", "menu/invalidPrompt/En", "menu/invalidPrompt/Ru", "menu/prompt/Az", "menu/prompt/En", "menu/prompt/Ru", "bye/prompt/Az", "bye/prompt/En", "bye/prompt/Ru"],
            first.Select(p => $"{p.NodeId}/{p.PromptName}/{p.Language}").OrderBy(s => s.StartsWith("bye", StringComparison.Ordinal)).ThenBy(s => s, StringComparer.Ordinal));
        Assert.All(first, p => Assert.True(p.Synthesised && p.Duration > TimeSpan.FromSeconds(0.3) && cache.Contains(p.FileName)));
        Assert.All(second, p => Assert.False(p.Synthesised));
        Assert.Equal(first.Select(p => p.FileName), second.Select(p => p.FileName));
        Assert.Equal(
            PromptCache.SpeechFileName(PromptCache.KeyFor("espeak-ng", "ru", Language.Ru, "До свидания")),
            first.Single(p => p.NodeId == "bye" && p.Language == Language.Ru).FileName);
    }

    [Fact]
    public async Task RenderAll_plays_an_uploaded_recording_instead_of_the_text_for_its_node_and_language()
    {
        var cache = new PromptCache(_directory);
        await cache.WriteAsync("uploads/abc.wav", new PcmAudio(new byte[16000]), default);
        var renderer = new PromptRenderer(new EspeakTextToSpeech(), cache);

        var rendered = await renderer.RenderAllAsync(SmallTree(upload: "uploads/abc.wav"), default);

        var recorded = rendered.Single(p => p.NodeId == "bye" && p.Language == Language.Az);
        Assert.Equal(PromptSource.Recording, recorded.Source);
        Assert.Equal("uploads/abc.wav", recorded.FileName);
        Assert.Equal(TimeSpan.FromSeconds(1), recorded.Duration);
        Assert.Equal(PromptSource.Speech, rendered.Single(p => p.NodeId == "bye" && p.Language == Language.Ru).Source);
    }

    [Fact]
    public async Task Render_of_a_missing_recording_without_text_names_node_and_language()
    {
        var renderer = new PromptRenderer(new EspeakTextToSpeech(), new PromptCache(_directory));

        var refused = await Assert.ThrowsAsync<PromptException>(() =>
            renderer.RenderAsync("bye", "prompt", new PromptContent { Audio = "uploads/gone.wav" }, Language.Ru, default));

        Assert.Contains("'bye'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("[ru]", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cache_refuses_file_names_outside_its_directory()
    {
        var cache = new PromptCache(_directory);

        Assert.Throws<PromptException>(() => cache.FullPath("../../etc/passwd"));
    }

    private static MenuTree SmallTree(string? upload) => new()
    {
        Id = "small",
        Version = 1,
        Languages = [Language.Az, Language.Ru, Language.En],
        DefaultLanguage = Language.Az,
        Start = "menu",
        Nodes = new Dictionary<string, IvrNode>
        {
            ["menu"] = new MenuNode
            {
                Options = new Dictionary<string, string> { ["1"] = "bye" },
                Prompt = Texts("Birə basın", "Нажмите один", "Press one"),
                InvalidPrompt = Texts("Yanlış seçim", "Неверный выбор", "Invalid choice"),
            },
            ["bye"] = new HangupNode
            {
                Prompt = new Dictionary<Language, PromptContent>
                {
                    [Language.Az] = new() { Text = "Sağ olun", Audio = upload },
                    [Language.Ru] = new() { Text = "До свидания" },
                    [Language.En] = new() { Text = "Goodbye" },
                },
            },
        },
    };

    private static Dictionary<Language, PromptContent> Texts(string az, string ru, string en) => new()
    {
        [Language.Az] = new() { Text = az },
        [Language.Ru] = new() { Text = ru },
        [Language.En] = new() { Text = en },
    };
}
