using Telephony.Calls.MediaPlane;
using Telephony.Media.Wav;

namespace Telephony.Calls.Tests.MediaPlane;

public sealed class PromptSampleCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prompt-cache-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WritePrompt(string name, int samples, short value)
    {
        var path = Path.Combine(_directory, name);
        using var writer = WavWriter.Create(path, WavFormat.Pcm8kMono);
        writer.WriteSamples(Enumerable.Repeat(value, samples).ToArray());
        return path;
    }

    [Fact]
    public void Get_same_unchanged_file_returns_the_same_decoded_samples()
    {
        var cache = new PromptSampleCache();
        var path = WritePrompt("greeting.wav", 48_000, 1000);

        var first = cache.Get(path);
        var second = cache.Get(path);

        Assert.Same(first, second);
        Assert.Equal(48_000, first.Length);
        Assert.Equal(48_000, cache.HeldSamples);
    }

    [Fact]
    public void Get_rewritten_file_reads_the_new_version()
    {
        var cache = new PromptSampleCache();
        var path = WritePrompt("menu.wav", 8000, 1000);
        var old = cache.Get(path);

        WritePrompt("menu.wav", 16_000, -2000);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        var fresh = cache.Get(path);

        Assert.NotSame(old, fresh);
        Assert.Equal(16_000, fresh.Length);
        Assert.Equal(-2000, fresh[0]);
        Assert.Equal(16_000, cache.HeldSamples);
    }

    [Fact]
    public void Get_past_the_budget_starts_over_and_stays_within_it()
    {
        var cache = new PromptSampleCache(budgetSamples: 20_000);
        var a = WritePrompt("a.wav", 8000, 1);
        var b = WritePrompt("b.wav", 8000, 2);
        var c = WritePrompt("c.wav", 8000, 3);
        var firstA = cache.Get(a);
        cache.Get(b);

        cache.Get(c);

        Assert.Equal(8000, cache.HeldSamples);
        Assert.NotSame(firstA, cache.Get(a)); // evicted, read again
        Assert.True(cache.HeldSamples <= 20_000);
    }

    [Fact]
    public void Get_missing_file_throws_file_not_found()
    {
        var cache = new PromptSampleCache();

        Assert.Throws<FileNotFoundException>(() => cache.Get(Path.Combine(_directory, "absent.wav")));
    }
}
