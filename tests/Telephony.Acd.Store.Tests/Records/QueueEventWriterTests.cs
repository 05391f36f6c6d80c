using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Store.Records;
using Telephony.Data.Diagnostics;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Records;

public sealed class QueueEventWriterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 15, 0, TimeSpan.Zero);
    private readonly string _spoolRoot = Directory.CreateTempSubdirectory("acd-spool-").FullName;
    private readonly DataMetrics _metrics = new();

    public Task InitializeAsync() => AcdStoreDatabase.MigrateAsync(database);

    public Task DisposeAsync()
    {
        _metrics.Dispose();
        Directory.Delete(_spoolRoot, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Write_events_land_in_order_with_detail_and_replays_are_skipped()
    {
        var call = Guid.NewGuid();
        QueueEvent[] events =
        [
            new(Guid.NewGuid(), Start, call, "transfers", QueueEventKind.Joined, null, "host-1", """{"language":"az"}"""),
            new(Guid.NewGuid(), Start.AddSeconds(20), call, "transfers", QueueEventKind.Offered, "1001", "host-1", null),
            new(Guid.NewGuid(), Start.AddSeconds(35), call, "transfers", QueueEventKind.RingNoAnswer, "1001", "host-1", null),
            new(Guid.NewGuid(), Start.AddSeconds(40), call, "transfers", QueueEventKind.CallbackRequested, null, "host-1", """{"number":"0501234567"}"""),
        ];
        await using var writer = new QueueEventWriter(database.DataSource, _spoolRoot, new FakeTimeProvider(Start), _metrics, NullLogger<QueueEventWriter>.Instance);
        writer.Start();

        foreach (var queueEvent in events)
        {
            writer.Write(queueEvent);
        }

        await writer.FlushAsync(CancellationToken.None);
        writer.Write(events[1]);
        await writer.FlushAsync(CancellationToken.None);

        await using var command = database.DataSource.CreateCommand("SELECT event, agent_id, detail::text FROM acd_queue_events WHERE call_id = $1 ORDER BY id");
        command.Parameters.Add(new() { Value = call });
        var rows = new List<(string, string?, string?)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), await reader.IsDBNullAsync(1) ? null : reader.GetString(1), await reader.IsDBNullAsync(2) ? null : reader.GetString(2)));
            }
        }

        Assert.Equal(["joined", "offered", "ring-no-answer", "callback-requested"], rows.Select(r => r.Item1));
        Assert.Equal([null, "1001", "1001", null], rows.Select(r => r.Item2));
        Assert.Equal("az", JsonDocument.Parse(rows[0].Item3!).RootElement.GetProperty("language").GetString());
    }
}
