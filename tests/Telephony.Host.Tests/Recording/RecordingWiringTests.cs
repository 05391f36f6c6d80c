using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Store;
using Telephony.Calls.Control;
using Telephony.Calls.Media;
using Telephony.Host.Configuration;
using Telephony.Host.Database;
using Telephony.Host.Recording;
using Telephony.Host.Tests.Calls;
using Telephony.Media.Wav;
using Telephony.Recording;
using Telephony.Recording.Retention;
using Telephony.Recording.Scoring;
using Telephony.Recording.Store;
using Telephony.TestKit.Postgres;

namespace Telephony.Host.Tests.Recording;

/// <summary>The host's recorder wiring on real PostgreSQL and real files: the tap per bridged conversation, and start-up recovery.</summary>
public sealed class RecordingWiringTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("recwire-").FullName;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync(AcdStoreSchema.Migrations);
        await database.MigrateAsync(RecordingSchema.Migrations);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TapFactory_bridged_conversation_is_recorded_caller_left_agent_right_with_call_queue_and_agent()
    {
        await using var rig = new RecordingRig(database.ConnectionString, _dataDirectory, "tap-host");
        var readiness = new RecordingReadiness();
        readiness.Complete(true);
        var tracker = new RecordingWorkTracker();
        var factory = new RecorderTapFactory(rig.Service, readiness, tracker, TimeProvider.System, NullLogger<RecorderTapFactory>.Instance);
        var clock = new FakeTimeProvider();
        var caller = new ScriptedCall(clock, "0501112233", "100");
        var agentLeg = new ScriptedCall(clock, "100", "1003", CallDirection.Outbound);

        var tap = factory.Create(caller, agentLeg, "transfers", "1003")!;
        await WaitUntilAsync(() => rig.Loop.OpenCount == 1);
        RecordingRig.Feed((channel, position, pcm) => tap.OnAudio(channel == Telephony.Recording.Recorder.RecordingChannel.Caller ? TapChannel.Caller : TapChannel.Agent, position, pcm),
            TimeSpan.FromSeconds(1));
        tap.OnEnded();
        await tracker.DrainAsync(CancellationToken.None);

        var row = await SingleRecordingOfCallAsync(caller.Id);
        Assert.Equal(RecordingStatus.Complete, row.Status);
        Assert.Equal("1003", row.AgentId);
        Assert.Equal("transfers", row.QueueId);
        Assert.Equal("pcm16/8000/2", row.Codec);
        Assert.Equal(1000, row.DurationMs);
        using var wav = WavReader.Open(Path.Combine(_dataDirectory, row.Path));
        Assert.Equal(2, wav.Format.Channels);
        var samples = wav.ReadAllSamples();
        for (var n = 0; n < 8000; n += 97)
        {
            Assert.Equal(RecordingRig.Tone(RecordingRig.CallerHz, n), samples[2 * n]);
            Assert.Equal(RecordingRig.Tone(RecordingRig.AgentHz, n), samples[(2 * n) + 1]);
        }
    }

    [Fact]
    public async Task Startup_marks_a_recording_left_open_interrupted_with_a_playable_file_then_lets_recording_start()
    {
        Guid openId;
        await using (var crashed = new RecordingRig(database.ConnectionString, _dataDirectory, "restarting-host"))
        {
            var active = await crashed.Service.StartConversationAsync(new RecordingStart(Guid.NewGuid(), "1001", "admission", "az"), CancellationToken.None);
            RecordingRig.Feed(active.Write, TimeSpan.FromSeconds(2));
            openId = active.Id;

            // The loop closes its files on disposal, but nobody finishes the row: as after a kill, it stays 'recording'.
        }

        await using var rig = new RecordingRig(database.ConnectionString, _dataDirectory, "restarting-host");
        var status = new DatabaseStatus("test");
        status.MarkReady();
        var readiness = new RecordingReadiness();
        var options = new TelephonyOptions
        {
            SipListen = [],
            Http = new ListenEndpoint(IPAddress.Loopback, 1),
            DataDirectory = _dataDirectory,
            HostId = "restarting-host",
        };
        var startup = new RecordingStartup(
            status,
            new RecordingRecovery(rig.Store, rig.Options, null, NullLogger<RecordingRecovery>.Instance),
            readiness,
            new RetentionJob(rig.Store, rig.Options, new RecordingMetrics(), NullLogger<RetentionJob>.Instance),
            new ScorecardStore(rig.DataSource, TimeProvider.System),
            new RecordingHostOptions(),
            options,
            TimeProvider.System,
            NullLogger<RecordingStartup>.Instance);
        Assert.Equal(RecordingStatus.Recording, (await rig.Store.GetAsync(openId, CancellationToken.None))!.Status);

        await startup.StartAsync(CancellationToken.None);
        var recovered = await readiness.Recovered.WaitAsync(TimeSpan.FromSeconds(30));
        await startup.StopAsync(CancellationToken.None);

        Assert.True(recovered);
        var row = (await rig.Store.GetAsync(openId, CancellationToken.None))!;
        Assert.Equal(RecordingStatus.Interrupted, row.Status);
        Assert.Equal(2000, row.DurationMs);
        using var wav = WavReader.Open(Path.Combine(_dataDirectory, row.Path));
        Assert.False(wav.IsTruncated);
        Assert.Equal(16000, wav.SampleFrames);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the condition did not come true within 5 s");
    }

    private async Task<RecordingRow> SingleRecordingOfCallAsync(Guid callId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT id FROM recordings WHERE call_id = $1");
        command.Parameters.Add(new() { Value = callId });
        var id = (Guid)(await command.ExecuteScalarAsync())!;
        await using var rig = new RecordingRig(database.ConnectionString, _dataDirectory, "reader");
        return (await rig.Store.GetAsync(id, CancellationToken.None))!;
    }
}
