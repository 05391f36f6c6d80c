using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Telephony.Data.Diagnostics;
using Telephony.Data.Spooling;
using Telephony.TestKit.Host;
using Telephony.TestKit.Network;
using Telephony.TestKit.Postgres;

namespace Telephony.Data.Tests.Spooling;

/// <summary>The spool against a real PostgreSQL reached through a forwarder the tests switch off and on.</summary>
public sealed class RecordSpoolTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N");
    private readonly string _directory = Directory.CreateTempSubdirectory("record-spool-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly DataMetrics _metrics = new();
    private TcpForwarder _gate = null!;
    private NpgsqlDataSource _throughGate = null!;
    private int _seq;

    public async Task InitializeAsync()
    {
        await using (var create = database.DataSource.CreateCommand(TestRowSink.CreateTable))
        {
            await create.ExecuteNonQueryAsync();
        }

        var real = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        _gate = new TcpForwarder(FreePort.Tcp(), new IPEndPoint(IPAddress.Loopback, real.Port));
        _gate.SwitchOn();
        _throughGate = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = _gate.Port,
            Timeout = 3,
            CommandTimeout = 5,
        }.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _throughGate.DisposeAsync();
        await _gate.DisposeAsync();
        _metrics.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private RecordSpool<TestRow> NewSpool(IRecordSink<TestRow>? sink = null, int batchSize = 100, int segmentRows = 250) => new(
        sink ?? new TestRowSink(_throughGate),
        TestRowJsonContext.Default.TestRow,
        new RecordSpoolOptions { Name = "test_rows", Directory = _directory, BatchSize = batchSize, SegmentRows = segmentRows },
        _time,
        _metrics,
        NullLogger.Instance);

    private List<TestRow> AddRows(RecordSpool<TestRow> spool, int count)
    {
        var rows = Enumerable.Range(0, count).Select(_ => new TestRow(Guid.NewGuid(), _run, _seq++, "payload")).ToList();
        rows.ForEach(spool.Add);
        return rows;
    }

    /// <summary>Seqs of this test's rows in the order the database stored them.</summary>
    private async Task<List<int>> StoredSeqsAsync()
    {
        await using var command = database.DataSource.CreateCommand("SELECT seq FROM spool_rows WHERE run = $1 ORDER BY n");
        command.Parameters.Add(new() { Value = _run });
        var seqs = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            seqs.Add(reader.GetInt32(0));
        }

        return seqs;
    }

    private string[] SpoolFiles() => Directory.GetFiles(_directory, "*.jsonl");

    /// <summary>After the gate opens, the first attempt may still meet a connection the cut left behind; the next one must not.</summary>
    private static async Task FlushUntilDrainedAsync(RecordSpool<TestRow> spool)
    {
        for (var attempt = 0; attempt < 3 && (attempt == 0 || spool.SpooledRows > 0); attempt++)
        {
            await spool.FlushAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Add_database_up_rows_land_in_order_and_nothing_is_spooled()
    {
        await using var spool = NewSpool();
        spool.Start();

        AddRows(spool, 1234);
        await spool.FlushAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 1234), await StoredSeqsAsync());
        Assert.Equal(0, spool.SpooledRows);
        Assert.Empty(SpoolFiles());
    }

    [Fact]
    public async Task Add_database_down_rows_go_to_spool_files_then_all_land_once_in_order_when_it_returns()
    {
        await using var spool = NewSpool();
        spool.Start();
        AddRows(spool, 150);
        await spool.FlushAsync(CancellationToken.None);

        await _gate.SwitchOffAsync();
        AddRows(spool, 400);
        await spool.FlushAsync(CancellationToken.None);
        AddRows(spool, 120);
        await spool.FlushAsync(CancellationToken.None);

        Assert.Equal(520, spool.SpooledRows);
        Assert.True(SpoolFiles().Length >= 2, "rows past a segment's size start a new file");
        Assert.Equal(520, SpoolFiles().Sum(f => File.ReadAllLines(f).Length));
        Assert.Equal(Enumerable.Range(0, 150), await StoredSeqsAsync());

        _gate.SwitchOn();
        AddRows(spool, 30);
        await FlushUntilDrainedAsync(spool);

        Assert.Equal(Enumerable.Range(0, 700), await StoredSeqsAsync());
        Assert.Equal(0, spool.SpooledRows);
        Assert.Empty(SpoolFiles());
    }

    [Fact]
    public async Task Start_over_a_non_empty_spool_directory_replays_it_before_new_rows()
    {
        await _gate.SwitchOffAsync();
        await using (var first = NewSpool())
        {
            first.Start();
            AddRows(first, 300);
            await first.FlushAsync(CancellationToken.None);
            AddRows(first, 25);
        }

        Assert.Equal(325, SpoolFiles().Sum(f => File.ReadAllLines(f).Length));
        Assert.Empty(await StoredSeqsAsync());

        _gate.SwitchOn();
        await using var second = NewSpool();
        Assert.Equal(325, second.SpooledRows);
        second.Start();
        AddRows(second, 10);
        await FlushUntilDrainedAsync(second);

        Assert.Equal(Enumerable.Range(0, 335), await StoredSeqsAsync());
        Assert.Empty(SpoolFiles());
    }

    [Fact]
    public async Task Replay_cut_midway_then_restarted_writes_every_row_exactly_once()
    {
        await _gate.SwitchOffAsync();
        await using (var writer = NewSpool())
        {
            writer.Start();
            AddRows(writer, 500);
            await writer.FlushAsync(CancellationToken.None);
        }

        _gate.SwitchOn();
        // A file takes whole batches of 100 until it holds 250 or more, so the first holds 300 rows and replays in three
        // batches, then is deleted; the cut comes after the first batch of the second file (200 rows), whose first 100
        // rows are then both in the database and still on disk.
        var cutting = new TestRowSink(_throughGate) { BatchesBeforeCut = 4 };
        await using (var interrupted = NewSpool(cutting))
        {
            interrupted.Start();
            await interrupted.FlushAsync(CancellationToken.None);
            Assert.Equal(4, cutting.BatchesWritten);
        }

        Assert.Equal(Enumerable.Range(0, 400), await StoredSeqsAsync());
        Assert.Equal(200, (await File.ReadAllLinesAsync(Assert.Single(SpoolFiles()))).Length);

        await using var resumed = NewSpool();
        resumed.Start();
        await FlushUntilDrainedAsync(resumed);

        Assert.Equal(Enumerable.Range(0, 500), await StoredSeqsAsync());
        Assert.Empty(SpoolFiles());
    }

    [Fact]
    public async Task Start_with_a_line_cut_short_by_a_crash_replays_the_whole_lines()
    {
        var rows = Enumerable.Range(0, 3).Select(i => new TestRow(Guid.NewGuid(), _run, i, "p")).ToList();
        var lines = rows.Select(r => System.Text.Json.JsonSerializer.Serialize(r, TestRowJsonContext.Default.TestRow)).ToList();
        await File.WriteAllTextAsync(Path.Combine(_directory, "000000000007.jsonl"), lines[0] + "\n" + lines[1] + "\n" + lines[2][..10]);

        await using var spool = NewSpool();
        spool.Start();
        await spool.FlushAsync(CancellationToken.None);

        Assert.Equal([0, 1], await StoredSeqsAsync());
        Assert.Empty(SpoolFiles());
    }

    [Fact]
    public async Task Rows_the_database_refuses_are_set_aside_alone_and_their_batch_mates_still_land()
    {
        await using var spool = NewSpool();
        spool.Start();

        AddRows(spool, 3);
        spool.Add(new TestRow(Guid.NewGuid(), _run, -1, "violates the check"));
        AddRows(spool, 2);
        await spool.FlushAsync(CancellationToken.None);
        AddRows(spool, 5);
        await spool.FlushAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 10), await StoredSeqsAsync());
        var rejected = Assert.Single(Directory.GetFiles(Path.Combine(_directory, "rejected")));
        var kept = await File.ReadAllLinesAsync(rejected);
        Assert.Contains("violates the check", Assert.Single(kept), StringComparison.Ordinal);
        Assert.Equal(0, spool.SpooledRows);
    }

    [Fact]
    public async Task Rows_below_a_batch_are_written_when_the_flush_interval_passes()
    {
        await using var spool = NewSpool();
        spool.Start();
        AddRows(spool, 3);
        await Task.Delay(100);
        Assert.Empty(await StoredSeqsAsync());

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await StoredSeqsAsync()).Count < 3 && DateTime.UtcNow < deadline)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        Assert.Equal([0, 1, 2], await StoredSeqsAsync());
    }

    [Fact]
    public async Task Spooled_rows_replay_by_themselves_once_the_retry_interval_passes()
    {
        await using var spool = NewSpool();
        spool.Start();
        await _gate.SwitchOffAsync();
        AddRows(spool, 60);
        await spool.FlushAsync(CancellationToken.None);
        Assert.Equal(60, spool.SpooledRows);

        _gate.SwitchOn();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (spool.SpooledRows > 0 && DateTime.UtcNow < deadline)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        Assert.Equal(0, spool.SpooledRows);
        Assert.Equal(Enumerable.Range(0, 60), await StoredSeqsAsync());
    }

    [Fact]
    public async Task Spool_depth_gauge_reports_rows_on_disk_by_spool_name()
    {
        await using var spool = NewSpool();
        spool.Start();
        await _gate.SwitchOffAsync();
        AddRows(spool, 42);
        await spool.FlushAsync(CancellationToken.None);

        var observed = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DataMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "spool", Value: "test_rows" })
                {
                    observed[instrument.Name] = value;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(42, observed["telephony.data.spool_depth"]);
        Assert.Equal(0, observed["telephony.data.spool_pending"]);
    }
}
