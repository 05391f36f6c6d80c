using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Telephony.Recording;
using Telephony.Recording.Recorder;
using Telephony.Recording.Retention;
using Telephony.Recording.Store;

namespace Telephony.Host.Tests.Recording;

/// <summary>
/// The real recorder (writer loop, service, store) on a given database and data directory, as the host composes it:
/// tests record conversations through it instead of inserting rows by hand.
/// </summary>
internal sealed class RecordingRig : IAsyncDisposable
{
    public const double CallerHz = 440;
    public const double AgentHz = 1000;

    private readonly RecordingMetrics _metrics = new();

    public RecordingRig(string connectionString, string dataDirectory, string hostId)
    {
        DataSource = NpgsqlDataSource.Create(connectionString);
        Options = new RecordingOptions { DataDirectory = dataDirectory, HostId = hostId };
        Guard = new DiskSpaceGuard(Options, _metrics, NullLogger<DiskSpaceGuard>.Instance);
        Loop = new RecordingWriterLoop(Options, TimeProvider.System, _metrics, NullLogger<RecordingWriterLoop>.Instance, Guard);
        Store = new RecordingStore(DataSource);
        Service = new RecordingService(Store, Loop, Options, Guard, null, TimeProvider.System, _metrics, NullLogger<RecordingService>.Instance);
    }

    public NpgsqlDataSource DataSource { get; }

    public RecordingOptions Options { get; }

    public DiskSpaceGuard Guard { get; }

    public RecordingWriterLoop Loop { get; }

    public RecordingStore Store { get; }

    public RecordingService Service { get; }

    public static short Tone(double frequency, long n) => (short)Math.Round(8000 * Math.Sin(2 * Math.PI * frequency * n / 8000.0));

    /// <summary>Feeds <paramref name="length"/> of a 440 Hz caller and a 1 kHz agent in 20 ms frames, as the relay's tap would.</summary>
    public static void Feed(Action<RecordingChannel, long, ReadOnlySpan<short>> write, TimeSpan length)
    {
        ArgumentNullException.ThrowIfNull(write);
        var frame = new short[160];
        var total = (long)(length.TotalSeconds * 8000);
        for (long position = 0; position < total; position += frame.Length)
        {
            foreach (var (channel, hz) in new[] { (RecordingChannel.Caller, CallerHz), (RecordingChannel.Agent, AgentHz) })
            {
                for (var i = 0; i < frame.Length; i++)
                {
                    frame[i] = Tone(hz, position + i);
                }

                write(channel, position, frame);
            }
        }
    }

    /// <summary>Records a whole conversation and writes the call record it belongs to (caller number, SIP Call-ID, queue, agent).</summary>
    public async Task<RecordingRow> RecordCallAsync(string caller, string agent, string queue, TimeSpan length)
    {
        var callId = Guid.NewGuid();
        var active = await Service.StartConversationAsync(new RecordingStart(callId, agent, queue, "ru"), CancellationToken.None);
        Feed(active.Write, length);
        var row = await Service.FinishConversationAsync(active, length, CancellationToken.None);
        await InsertCallRecordAsync(callId, caller, agent, queue, row.StartedAt, length);
        return row;
    }

    public async ValueTask DisposeAsync()
    {
        await Loop.DisposeAsync();
        _metrics.Dispose();
        await DataSource.DisposeAsync();
    }

    private async Task InsertCallRecordAsync(Guid callId, string caller, string agent, string queue, DateTimeOffset startedAt, TimeSpan talk)
    {
        await using var command = DataSource.CreateCommand(
            """
            INSERT INTO call_records (id, sip_call_id, host_id, caller, dialed, started_at, ended_at, language, queue_id, queued_at,
                agent_id, agent_answered_at, wait_ms, talk_ms, outcome)
            VALUES ($1, $2, 'test', $3, '100', $4, $5, 'ru', $6, $4, $7, $4, 0, $8, 'answered')
            """);
        command.Parameters.Add(new() { Value = callId });
        command.Parameters.Add(new() { Value = "rec-" + callId.ToString("N") });
        command.Parameters.Add(new() { Value = caller });
        command.Parameters.Add(new() { Value = startedAt });
        command.Parameters.Add(new() { Value = startedAt + talk });
        command.Parameters.Add(new() { Value = queue });
        command.Parameters.Add(new() { Value = agent });
        command.Parameters.Add(new() { Value = (int)talk.TotalMilliseconds });
        await command.ExecuteNonQueryAsync();
    }
}
