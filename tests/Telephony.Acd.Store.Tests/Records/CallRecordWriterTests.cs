using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Telephony.Acd.Store.Records;
using Telephony.Data.Diagnostics;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Records;

public sealed class CallRecordWriterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 15, 0, TimeSpan.Zero);
    private readonly string _spoolRoot = Directory.CreateTempSubdirectory("acd-spool-").FullName;
    private readonly FakeTimeProvider _time = new(Start);
    private readonly DataMetrics _metrics = new();

    public async Task InitializeAsync()
    {
        await AcdStoreDatabase.MigrateAsync(database);
        await AcdStoreDatabase.AddAgentsAsync(database.DataSource, ["1001"]);
    }

    public Task DisposeAsync()
    {
        _metrics.Dispose();
        Directory.Delete(_spoolRoot, recursive: true);
        return Task.CompletedTask;
    }

    internal static CallRecord FullRecord(Guid id) => new()
    {
        Id = id,
        SipCallId = "a84b4c76e66710@pc33.example.org",
        HostId = "host-1",
        Caller = "0501234567",
        Dialed = "100",
        StartedAt = Start,
        AnsweredAt = Start.AddSeconds(1),
        EndedAt = Start.AddMinutes(5),
        Language = "az",
        Topic = "transfers",
        IvrPath = ["welcome", "language", "topics", "queueTransfers"],
        IvrExitNode = "queueTransfers",
        QueueId = "transfers",
        QueuedAt = Start.AddSeconds(30),
        AgentId = "1001",
        AgentAnsweredAt = Start.AddSeconds(52),
        WaitMs = 22_000,
        TalkMs = 180_500,
        WrapUpMs = 10_000,
        Outcome = CallOutcome.CallbackRequested,
        ShortAbandon = true,
        Disposition = "resolved",
        Notes = "Sənədlər göndərildi",
        SurveyScore = 4,
        CallbackRequested = true,
        CallbackMade = true,
        IsCallback = true,
        TransferredTo = "1002",
        RecordingId = Guid.Parse("0193a6e0-0000-7000-8000-000000000001"),
        RtpPacketsIn = 15_000,
        RtpLost = 3,
        JitterMs = 4.5f,
        Mos = 4.2f,
        IvrTreeId = "edu-hotline",
        IvrTreeVersion = 3,
    };

    private CallRecordWriter NewWriter(NpgsqlDataSource dataSource) =>
        new(dataSource, _spoolRoot, _time, _metrics, NullLogger<CallRecordWriter>.Instance);

    private async Task<object?[]> ReadRowAsync(Guid id)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT id, sip_call_id, host_id, caller, dialed, started_at, answered_at, ended_at, language, topic, ivr_path, ivr_exit_node,
                   queue_id, queued_at, agent_id, agent_answered_at, wait_ms, talk_ms, wrap_up_ms, outcome, short_abandon, disposition,
                   notes, survey_score, callback_requested, callback_made, is_callback, transferred_to, recording_id, rtp_packets_in,
                   rtp_lost, jitter_ms, mos, ivr_tree_id, ivr_tree_version
            FROM call_records WHERE id = $1
            """);
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the record should be stored");
        var values = new object?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = await reader.IsDBNullAsync(i) ? null : await reader.GetFieldValueAsync<object>(i);
        }

        return values;
    }

    [Fact]
    public async Task Write_stores_every_column()
    {
        var record = FullRecord(Guid.NewGuid());
        await using var writer = NewWriter(database.DataSource);
        writer.Start();

        writer.Write(record);
        await writer.FlushAsync(CancellationToken.None);
        var row = await ReadRowAsync(record.Id);

        Assert.Equal(ExpectedRow(record), row);
    }

    /// <summary>The columns <see cref="FullRecord"/> must produce, in table order.</summary>
    private static object?[] ExpectedRow(CallRecord record) =>
        [
            record.Id, record.SipCallId, "host-1", "0501234567", "100", Start.UtcDateTime, Start.AddSeconds(1).UtcDateTime, Start.AddMinutes(5).UtcDateTime,
            "az", "transfers", new[] { "welcome", "language", "topics", "queueTransfers" }, "queueTransfers", "transfers", Start.AddSeconds(30).UtcDateTime,
            "1001", Start.AddSeconds(52).UtcDateTime, 22_000, 180_500, 10_000, "callback-requested", true, "resolved", "Sənədlər göndərildi",
            (short)4, true, true, true, "1002", record.RecordingId, 15_000, 3, 4.5f, 4.2f, "edu-hotline", 3,
        ];

    [Fact]
    public async Task Write_minimal_record_stores_nulls_and_defaults()
    {
        var record = new CallRecord
        {
            Id = Guid.NewGuid(), SipCallId = "x@y", HostId = "h", Caller = "c", Dialed = "100",
            StartedAt = Start, EndedAt = Start.AddSeconds(3), Outcome = CallOutcome.IvrAbandoned,
        };
        await using var writer = NewWriter(database.DataSource);
        writer.Start();

        writer.Write(record);
        await writer.FlushAsync(CancellationToken.None);
        var row = await ReadRowAsync(record.Id);

        Assert.Equal(Array.Empty<string>(), row[10]);
        Assert.Equal("ivr-abandoned", row[19]);
        Assert.Null(row[14]);
        Assert.Null(row[32]);
        Assert.Equal([null, null], row[33..]);
    }

    [Fact]
    public async Task Write_same_record_twice_stores_it_once()
    {
        var record = FullRecord(Guid.NewGuid());
        await using var writer = NewWriter(database.DataSource);
        writer.Start();

        writer.Write(record);
        await writer.FlushAsync(CancellationToken.None);
        writer.Write(record with { Notes = "second copy" });
        await writer.FlushAsync(CancellationToken.None);

        Assert.Equal(1, await AcdStoreDatabase.CountAsync(database.DataSource, "SELECT count(*) FROM call_records WHERE id = $1", record.Id));
        Assert.Equal("Sənədlər göndərildi", (await ReadRowAsync(record.Id))[22]);
    }

    [Fact]
    public void Write_survey_score_out_of_range_throws_at_the_caller()
    {
        var writer = NewWriter(database.DataSource);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(FullRecord(Guid.NewGuid()) with { SurveyScore = 6 }));
    }

    [Fact]
    public async Task Write_database_away_spools_the_record_and_a_restarted_writer_stores_every_column()
    {
        await using var away = new GatedDatabase(database);
        var record = FullRecord(Guid.NewGuid());
        await using (var writer = NewWriter(away.DataSource))
        {
            writer.Start();
            writer.Write(record);
            await writer.FlushAsync(CancellationToken.None);
            Assert.Equal(1, writer.SpooledRows);
        }

        away.Gate.SwitchOn();
        await using var restarted = NewWriter(away.DataSource);
        restarted.Start();
        await restarted.FlushAsync(CancellationToken.None);

        Assert.Equal(0, restarted.SpooledRows);
        Assert.Equal(ExpectedRow(record), await ReadRowAsync(record.Id));
    }
}
