using Microsoft.Extensions.Time.Testing;
using Telephony.Ivr.Model;
using Telephony.Ivr.Store.Prompts;
using Telephony.TestKit.Postgres;

namespace Telephony.Ivr.Store.Tests.Prompts;

/// <summary>Uploaded recordings and the rendered-prompt index in PostgreSQL.</summary>
public sealed class PromptUploadStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => await database.MigrateAsync(IvrStoreSchema.Migrations);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Upload_is_kept_by_content_and_a_second_save_of_the_same_content_keeps_the_first()
    {
        var store = new PromptUploadStore(database.DataSource, _time);
        var sha = new string('a', 64);
        var upload = new PromptUpload
        {
            Sha256 = sha, TreeId = "edu-hotline", NodeId = "greeting", Language = Language.Az, OriginalName = "salam.mp3",
            Wav = new byte[] { 1, 2, 3, 4 }, DurationMilliseconds = 1500, UploadedBy = "admin",
        };

        await store.SaveAsync(upload, default);
        await store.SaveAsync(upload with { OriginalName = "again.wav", Wav = new byte[] { 9 } }, default);

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, await store.GetWavAsync(sha, default));
        Assert.Null(await store.GetWavAsync(new string('b', 64), default));
        Assert.Equal("uploads/" + sha + ".wav", upload.Reference);
        Assert.Equal(sha, PromptUpload.Sha256Of(upload.Reference));
        Assert.Null(PromptUpload.Sha256Of("prompts/az/greeting.wav"));
    }

    [Fact]
    public async Task Rendered_prompt_is_indexed_once_per_cache_key()
    {
        var index = new RenderedPromptIndex(database.DataSource, _time);

        await index.RecordAsync("k1", "espeak-ng", "az", Language.Az, "Salam", "tts/k1.wav", 900, default);
        await index.RecordAsync("k1", "espeak-ng", "az", Language.Az, "Salam", "tts/k1.wav", 900, default);
        await index.RecordAsync("k2", "azure", "ru-RU-SvetlanaNeural", Language.Ru, "Привет", "tts/k2.wav", 700, default);

        Assert.Equal(2, await index.CountAsync(default));
    }
}
