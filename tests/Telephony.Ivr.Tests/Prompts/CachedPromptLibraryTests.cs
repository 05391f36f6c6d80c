using Telephony.Calls.Media;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;
using Telephony.Ivr.Prompts;

namespace Telephony.Ivr.Tests.Prompts;

public sealed class CachedPromptLibraryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prompt-library-").FullName;
    private readonly EspeakTextToSpeech _speech = new();
    private readonly PromptCache _cache;

    public CachedPromptLibraryTests() => _cache = new PromptCache(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> RenderAsync(string text, Language language)
    {
        var file = PromptCache.SpeechFileName(PromptCache.KeyFor(_speech.Provider, _speech.DefaultVoice(language), language, text));
        await _cache.WriteAsync(file, new PcmAudio(new byte[1600]), CancellationToken.None);
        return _cache.FullPath(file);
    }

    private static PromptKey Key => new("tree", 1, "greeting", PromptSlot.Main);

    [Fact]
    public async Task Prompt_text_rendered_at_publish_plays_its_cache_file()
    {
        var path = await RenderAsync("Xoş gəlmisiniz", Language.Az);
        var library = new CachedPromptLibrary(_cache, _speech);

        var sources = library.Prompt(Key, new PromptContent { Text = "Xoş gəlmisiniz" }, Language.Az);

        Assert.Equal(path, Assert.IsType<FileAudioSource>(Assert.Single(sources)).Path);
    }

    [Fact]
    public void Prompt_never_rendered_plays_nothing_rather_than_synthesising_during_the_call()
    {
        var library = new CachedPromptLibrary(_cache, _speech);

        Assert.Empty(library.Prompt(Key, new PromptContent { Text = "Not rendered" }, Language.En));
    }

    [Fact]
    public async Task Say_number_plays_one_file_per_word_in_order()
    {
        var twenty = await RenderAsync("двадцать", Language.Ru);
        var three = await RenderAsync("три", Language.Ru);
        var library = new CachedPromptLibrary(_cache, _speech);

        var sources = library.Say(new SpokenValue(SayAs.Number, "23"), Language.Ru);

        Assert.Equal([twenty, three], sources.Cast<FileAudioSource>().Select(s => s.Path));
    }
}
