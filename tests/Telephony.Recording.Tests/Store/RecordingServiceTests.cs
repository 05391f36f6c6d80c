using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Telephony.Media.Wav;
using Telephony.Recording.Encryption;
using Telephony.Recording.Recorder;
using Telephony.Recording.Retention;
using Telephony.Recording.Store;
using Telephony.TestKit.Postgres;

namespace Telephony.Recording.Tests.Store;

public sealed class RecordingServiceTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());
    private readonly PostgresDatabase _database;
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingMetrics _metrics = new();
    private readonly RecordingOptions _options;
    private RecordingStore _store = null!;
    private RecordingWriterLoop _loop = null!;

    public RecordingServiceTests(PostgresDatabase database)
    {
        _database = database;
        _options = new RecordingOptions { DataDirectory = _directory.Path, HostId = "host-" + Guid.NewGuid().ToString("N")[..8] };
    }

    public async Task InitializeAsync()
    {
        await _database.MigrateAsync(RecordingSchema.Migrations);
        _store = new RecordingStore(_database.DataSource);
        _loop = new RecordingWriterLoop(_options, _time, _metrics, NullLogger<RecordingWriterLoop>.Instance);
    }

    [Fact]
    public async Task Conversation_finished_has_path_by_date_duration_size_hash_and_codec()
    {
        var service = NewService();
        var active = await service.StartConversationAsync(new RecordingStart(Guid.NewGuid(), "1001", "transfers", "az"), CancellationToken.None);
        FeedSeconds(active, 2);

        var row = await service.FinishConversationAsync(active, TimeSpan.FromSeconds(2.5), CancellationToken.None);

        var path = Path.Combine(_directory.Path, row.Path);
        Assert.StartsWith(Path.Combine("recordings", "2026", "11", "27"), row.Path, StringComparison.Ordinal);
        Assert.Equal(RecordingStatus.Complete, row.Status);
        Assert.Equal(2000, row.DurationMs);
        Assert.Equal(44 + (2 * 8000 * 4), row.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), row.Sha256);
        Assert.Equal("pcm16/8000/2", row.Codec);
        Assert.False(row.LengthMismatch);
        Assert.Equal(row, await _store.GetAsync(row.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Conversation_shorter_than_the_talk_time_beyond_tolerance_is_flagged()
    {
        var service = NewService();
        var active = await service.StartConversationAsync(new RecordingStart(Guid.NewGuid(), "1002", "q", "ru"), CancellationToken.None);
        FeedSeconds(active, 1);

        var row = await service.FinishConversationAsync(active, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(row.LengthMismatch);
        Assert.True((await _store.GetAsync(row.Id, CancellationToken.None))!.LengthMismatch);
    }

    [Fact]
    public async Task Conversation_on_low_disk_with_skip_policy_creates_no_file_and_a_skipped_row()
    {
        _options.LowDiskPolicy = LowDiskPolicy.Skip;
        var service = NewService(freeBytes: 10);
        var active = await service.StartConversationAsync(new RecordingStart(Guid.NewGuid(), "1003", "q", "en"), CancellationToken.None);
        active.Write(RecordingChannel.Caller, 0, new short[160]);

        var row = await service.FinishConversationAsync(active, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.True(active.IsSkipped);
        Assert.Equal(RecordingStatus.Skipped, (await _store.GetAsync(row.Id, CancellationToken.None))!.Status);
        Assert.False(Directory.Exists(Path.Combine(_directory.Path, "recordings")) && Directory.EnumerateFiles(Path.Combine(_directory.Path, "recordings"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Conversation_encrypted_at_rest_plays_back_as_the_original_wav()
    {
        _options.Encryption.ActiveKeyId = "k1";
        _options.Encryption.Keys["k1"] = Key;
        var cipher = new RecordingCipher(new RecordingKeyRing(_options.Encryption));
        var service = NewService(cipher: cipher);
        var active = await service.StartConversationAsync(new RecordingStart(Guid.NewGuid(), "1001", "q", "az"), CancellationToken.None);
        FeedSeconds(active, 1);

        var row = await service.FinishConversationAsync(active, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal("k1", row.KeyId);
        Assert.EndsWith(".wav.enc", row.Path, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory.Path, row.Path[..^4])));
        await using var stream = await new RecordingReader(_store, _options, cipher).OpenAsync(row.Id, CancellationToken.None);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(row.Sha256, Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
        copy.Position = 0;
        using var wav = WavReader.Open(copy);
        Assert.Equal(8000, wav.SampleFrames);
    }

    [Fact]
    public async Task Voicemail_recorded_by_the_call_layer_is_registered_mono()
    {
        var service = NewService();
        var target = await service.BeginVoicemailAsync(new RecordingStart(Guid.NewGuid(), null, "q", "az"), CancellationToken.None);
        using (var writer = WavWriter.Create(target.Path, WavFormat.Pcm8kMono))
        {
            writer.WriteSamples(TestTones.Chunk(440, 0, 4000));
        }

        var row = await service.CompleteVoicemailAsync(target.RecordingId, CancellationToken.None);

        Assert.Equal(RecordingKind.Voicemail, row.Kind);
        Assert.Equal(RecordingStatus.Complete, row.Status);
        Assert.Equal("pcm16/8000/1", row.Codec);
        Assert.Equal(500, row.DurationMs);
    }

    [Fact]
    public async Task Recovery_repairs_an_abandoned_file_and_marks_the_row_interrupted()
    {
        var id = Guid.NewGuid();
        var relative = Path.Combine("recordings", "2026", "11", "27", id + ".wav");
        await _store.InsertAsync(NewRow(id, relative), CancellationToken.None);
        var path = Path.Combine(_directory.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // The writer flushes its header after one second, then writes half a second more and the process "dies":
        // the file is closed by the operating system, never by the writer.
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        var writer = new WavWriter(file, WavFormat.Pcm8kStereo, leaveOpen: true);
        writer.WriteSamples(new short[2 * 8000]);
        writer.Flush();
        writer.WriteSamples(new short[2 * 4000]);
        await file.DisposeAsync();
        using (var torn = WavReader.Open(path))
        {
            // Only the flushed second is declared; the half second after it is on disk but not in the header.
            Assert.Equal(8000, torn.SampleFrames);
        }

        var repaired = await new RecordingRecovery(_store, _options, null, NullLogger<RecordingRecovery>.Instance).RepairInterruptedAsync(CancellationToken.None);

        Assert.Equal(1, repaired);
        var row = (await _store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(RecordingStatus.Interrupted, row.Status);
        Assert.Equal(1500, row.DurationMs);
        using var reader = WavReader.Open(path);
        Assert.False(reader.IsTruncated);
        Assert.Equal(12_000, reader.SampleFrames);
    }

    [Fact]
    public async Task Retention_deletes_expired_files_but_keeps_legal_holds_and_queue_specific_periods()
    {
        var now = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        _options.DefaultRetentionDays = 30;
        var queue = "retention-" + Guid.NewGuid().ToString("N")[..6];
        await _store.SetRetentionAsync(queue, 90, CancellationToken.None);
        var expired = await InsertFinishedAsync(now.AddDays(-31), null);
        var held = await InsertFinishedAsync(now.AddDays(-400), null);
        await _store.SetLegalHoldAsync(held, true, CancellationToken.None);
        var keptByQueue = await InsertFinishedAsync(now.AddDays(-60), queue);
        var expiredByQueue = await InsertFinishedAsync(now.AddDays(-91), queue);
        var fresh = await InsertFinishedAsync(now.AddDays(-1), null);

        var deleted = await new RetentionJob(_store, _options, _metrics, NullLogger<RetentionJob>.Instance).RunAsync(now, CancellationToken.None);

        Assert.True(deleted >= 2);
        foreach (var (id, gone) in new[] { (expired, true), (held, false), (keptByQueue, false), (expiredByQueue, true), (fresh, false) })
        {
            var row = (await _store.GetAsync(id, CancellationToken.None))!;
            Assert.Equal(gone, row.DeletedAt is not null);
            Assert.Equal(!gone, File.Exists(Path.Combine(_directory.Path, row.Path)));
        }

        Assert.Null(await new RecordingReader(_store, _options, null).OpenAsync(expired, CancellationToken.None));
    }

    [Fact]
    public async Task Access_log_records_who_played_what_from_where()
    {
        var id = await InsertFinishedAsync(_time.GetUtcNow(), null);
        var at = _time.GetUtcNow();

        await _store.LogAccessAsync(new RecordingAccess(id, at, "qa1", RecordingAccessAction.Play, System.Net.IPAddress.Parse("10.0.0.7")), CancellationToken.None);
        await _store.LogAccessAsync(new RecordingAccess(id, at.AddMinutes(1), "sup1", RecordingAccessAction.Download, null), CancellationToken.None);

        var log = await _store.ListAccessAsync(id, CancellationToken.None);
        Assert.Equal(2, log.Count);
        Assert.Equal(new RecordingAccess(id, at, "qa1", RecordingAccessAction.Play, System.Net.IPAddress.Parse("10.0.0.7")), log[0]);
        Assert.Equal(RecordingAccessAction.Download, log[1].Action);
    }

    [Fact]
    public async Task Store_rejects_an_unknown_status_at_the_database()
    {
        var id = await InsertFinishedAsync(_time.GetUtcNow(), null);
        await using var command = _database.DataSource.CreateCommand($"UPDATE recordings SET status = 'lost' WHERE id = '{id}'");

        await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    public async Task DisposeAsync()
    {
        await _loop.DisposeAsync();
        _metrics.Dispose();
        _directory.Dispose();
    }

    private static void FeedSeconds(ActiveRecording active, int seconds)
    {
        for (var position = 0; position < seconds * 8000; position += 160)
        {
            active.Write(RecordingChannel.Caller, position, TestTones.Chunk(440, position, 160));
            active.Write(RecordingChannel.Agent, position, TestTones.Chunk(1000, position, 160));
        }
    }

    private RecordingRow NewRow(Guid id, string relativePath, DateTimeOffset? startedAt = null, string? queue = null) => new()
    {
        Id = id,
        CallId = Guid.NewGuid(),
        Kind = RecordingKind.Conversation,
        HostId = _options.HostId,
        AgentId = "1001",
        QueueId = queue,
        Language = "az",
        StartedAt = startedAt ?? _time.GetUtcNow(),
        Path = relativePath,
        Status = RecordingStatus.Recording,
    };

    private async Task<Guid> InsertFinishedAsync(DateTimeOffset startedAt, string? queue)
    {
        var id = Guid.NewGuid();
        var relative = Path.Combine("recordings", "old", id + ".wav");
        var path = Path.Combine(_directory.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var writer = WavWriter.Create(path, WavFormat.Pcm8kStereo))
        {
            writer.WriteSamples(new short[320]);
        }

        await _store.InsertAsync(NewRow(id, relative, startedAt, queue) with { HostId = "elsewhere" }, CancellationToken.None);
        await _store.FinishAsync(id, new RecordingFinish(RecordingStatus.Complete, 20, 20, new FileInfo(path).Length, "00", "pcm16/8000/2", false, relative, null), CancellationToken.None);
        return id;
    }

    private RecordingService NewService(long freeBytes = long.MaxValue, RecordingCipher? cipher = null) => new(
        _store,
        _loop,
        _options,
        new DiskSpaceGuard(_options, _metrics, NullLogger<DiskSpaceGuard>.Instance, () => freeBytes),
        cipher,
        _time,
        _metrics,
        NullLogger<RecordingService>.Instance);
}
