using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Media.Audio;
using Telephony.Media.Wav;
using Telephony.Recording.Store;
using Telephony.TestKit.Postgres;

namespace Telephony.Recording.Tests.Store;

public sealed class RecordingKillTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly PostgresDatabase _database;
    private readonly TempDirectory _directory = new();

    public RecordingKillTests(PostgresDatabase database)
    {
        _database = database;
    }

    public Task InitializeAsync() => _database.MigrateAsync(RecordingSchema.Migrations);

    [Fact]
    public async Task Recorder_process_killed_with_sigkill_leaves_a_file_recovery_makes_valid_and_aligned()
    {
        var options = new RecordingOptions { DataDirectory = _directory.Path, HostId = "killed-host" };
        var store = new RecordingStore(_database.DataSource);
        var id = Guid.NewGuid();
        var relative = Path.Combine("recordings", id + ".wav");
        await store.InsertAsync(new RecordingRow
        {
            Id = id,
            CallId = Guid.NewGuid(),
            Kind = RecordingKind.Conversation,
            HostId = options.HostId,
            StartedAt = DateTimeOffset.UtcNow,
            Path = relative,
            Status = RecordingStatus.Recording,
        }, CancellationToken.None);
        var path = Path.Combine(_directory.Path, relative);

        using (var child = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(RecordingChildProcess).Assembly.Location, "record-until-killed", _directory.Path, relative },
            UseShellExecute = false,
        })!)
        {
            try
            {
                // Wait (bounded) until the child has flushed more than a second of audio into the header.
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (DeclaredDataBytes(path) < 8000 * 4 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                await Task.Delay(130);
            }
            finally
            {
                child.Kill();
                await child.WaitForExitAsync();
            }
        }

        Assert.True(DeclaredDataBytes(path) >= 8000 * 4, "the child never flushed a second of audio");
        await new RecordingRecovery(store, options, null, NullLogger<RecordingRecovery>.Instance).RepairInterruptedAsync(CancellationToken.None);

        var row = (await store.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(RecordingStatus.Interrupted, row.Status);
        Assert.True(row.DurationMs >= 1000, $"duration {row.DurationMs} ms");
        using var reader = WavReader.Open(path);
        Assert.False(reader.IsTruncated);
        Assert.Equal(new FileInfo(path).Length, reader.DataOffset + reader.DataLength);
        Assert.Equal(reader.SampleFrames * 1000 / 8000, row.DurationMs);
        var stereo = reader.ReadAllSamples();
        var left = new short[stereo.Length / 2];
        var right = new short[stereo.Length / 2];
        PcmChannels.Deinterleave(stereo, left, right);
        for (var n = 0; n < left.Length; n++)
        {
            Assert.Equal(TestTones.Sample(440, n), left[n]);
            Assert.Equal(TestTones.Sample(1000, n), right[n]);
        }
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    private static long DeclaredDataBytes(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = new byte[44];
        return stream.ReadAtLeast(header, 44, throwOnEndOfStream: false) == 44 ? BitConverter.ToUInt32(header, 40) : 0;
    }
}
