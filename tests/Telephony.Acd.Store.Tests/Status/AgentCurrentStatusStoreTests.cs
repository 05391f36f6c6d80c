using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Agents;
using Telephony.Acd.Store.Status;
using Telephony.Data.Diagnostics;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Status;

public sealed class AgentCurrentStatusStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _spoolRoot = Directory.CreateTempSubdirectory("acd-current-spool-").FullName;

    private AgentCurrentStatusStore Store => new(database.DataSource);

    public async Task InitializeAsync()
    {
        await AcdStoreDatabase.MigrateAsync(database);
        await AcdStoreDatabase.AddAgentsAsync(database.DataSource, ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c11", .. Enumerable.Range(1, 8).Select(i => "n" + i)]);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_spoolRoot, recursive: true);
        return Task.CompletedTask;
    }

    private static AgentCurrentStatus Row(string agent, AgentStatus status, int second, string host = "host-a", string? reason = null) =>
        new(agent, status, reason, Morning.AddSeconds(second), "supervisor", host);

    [Fact]
    public void IsNewerThan_orders_by_time_then_by_host()
    {
        Assert.True(Row("c1", AgentStatus.Available, 2).IsNewerThan(Row("c1", AgentStatus.LoggedOut, 1, "host-z")));
        Assert.False(Row("c1", AgentStatus.Available, 1, "host-z").IsNewerThan(Row("c1", AgentStatus.LoggedOut, 2)));
        Assert.True(Row("c1", AgentStatus.Available, 1, "host-b").IsNewerThan(Row("c1", AgentStatus.LoggedOut, 1, "host-a")));
        Assert.False(Row("c1", AgentStatus.Available, 1).IsNewerThan(Row("c1", AgentStatus.Available, 1)));
    }

    [Fact]
    public async Task Write_then_load_gives_each_agents_newest_status_with_its_break_reason()
    {
        await Store.WriteAsync(
        [
            Row("c1", AgentStatus.Available, 1),
            Row("c1", AgentStatus.OnBreak, 3, reason: "lunch"),
            Row("c1", AgentStatus.LoggedOut, 2),
            Row("c2", AgentStatus.Available, 1, "host-b"),
        ], CancellationToken.None);

        var loaded = await Store.LoadAsync(CancellationToken.None);

        Assert.Equal(Row("c1", AgentStatus.OnBreak, 3, reason: "lunch"), loaded.Single(s => s.AgentId == "c1"));
        Assert.Equal(Row("c2", AgentStatus.Available, 1, "host-b"), loaded.Single(s => s.AgentId == "c2"));
    }

    [Fact]
    public async Task Write_of_an_older_change_arriving_late_keeps_the_newer_one()
    {
        await Store.WriteAsync([Row("c3", AgentStatus.OnBreak, 10, "host-b", "meeting")], CancellationToken.None);

        // Host A chose "available" earlier but its database was away; its spool delivers the row now.
        await Store.WriteAsync([Row("c3", AgentStatus.Available, 5)], CancellationToken.None);
        // Same microsecond from two hosts: the one the order calls newer wins, as every host would decide.
        await Store.WriteAsync([Row("c4", AgentStatus.Available, 7, "host-b")], CancellationToken.None);
        await Store.WriteAsync([Row("c4", AgentStatus.LoggedOut, 7, "host-a")], CancellationToken.None);

        var loaded = await Store.LoadAsync(CancellationToken.None);
        Assert.Equal(AgentStatus.OnBreak, loaded.Single(s => s.AgentId == "c3").Status);
        Assert.Equal(Row("c4", AgentStatus.Available, 7, "host-b"), loaded.Single(s => s.AgentId == "c4"));
    }

    [Fact]
    public async Task Write_for_an_agent_no_longer_stored_drops_that_row_only()
    {
        await Store.WriteAsync([Row("gone", AgentStatus.Available, 1), Row("c5", AgentStatus.Available, 1)], CancellationToken.None);

        var loaded = await Store.LoadAsync(CancellationToken.None);
        Assert.DoesNotContain(loaded, s => s.AgentId == "gone");
        Assert.Contains(loaded, s => s.AgentId == "c5");
    }

    [Fact]
    public async Task Listen_hands_over_the_rows_then_each_announced_change_and_rereads_all_when_one_is_missed()
    {
        await Store.WriteAsync([Row("c6", AgentStatus.Available, 1)], CancellationToken.None);
        var received = Channel.CreateUnbounded<IReadOnlyList<AgentCurrentStatus>>();
        using var stop = new CancellationTokenSource();
        var reconcileEvery = TimeSpan.FromSeconds(4);
        var listening = Store.ListenAsync(
            (statuses, _) => received.Writer.WriteAsync(statuses).AsTask(), reconcileEvery, stop.Token);
        try
        {
            var first = await received.Reader.ReadAsync().AsTask().WaitAsync(Wait);
            Assert.Contains(Row("c6", AgentStatus.Available, 1), first);

            // Other hosts' changes arrive by notification, long before the next full read, even several at once
            // (a notification that comes in while the listener reads is not left for the next full read).
            AgentCurrentStatus[] changes =
            [
                Row("c6", AgentStatus.OnBreak, 2, "host-b", "training"),
                .. Enumerable.Range(1, 8).Select(i => Row("n" + i, AgentStatus.Available, 100 + i, "host-b")),
            ];
            foreach (var change in changes)
            {
                await Store.WriteAsync([change], CancellationToken.None);
            }

            var announced = new List<AgentCurrentStatus>();
            var before = DateTime.UtcNow + reconcileEvery - TimeSpan.FromSeconds(1);
            while (announced.Count < changes.Length)
            {
                var batch = await received.Reader.ReadAsync().AsTask().WaitAsync(before - DateTime.UtcNow);
                Assert.True(batch.Count < changes.Length, "a full read came before the notifications were handled");
                announced.AddRange(batch);
            }

            Assert.Equal(changes.OrderBy(c => c.AgentId), announced.OrderBy(c => c.AgentId));

            // A change whose notification is lost (the trigger is off) still arrives with the periodic full read.
            await using (var off = database.DataSource.CreateCommand("ALTER TABLE acd_agent_current_status DISABLE TRIGGER acd_agent_current_status_changed"))
            {
                await off.ExecuteNonQueryAsync();
            }

            await Store.WriteAsync([Row("c7", AgentStatus.LoggedOut, 3, "host-b")], CancellationToken.None);
            IReadOnlyList<AgentCurrentStatus> reread;
            do
            {
                reread = await received.Reader.ReadAsync().AsTask().WaitAsync(reconcileEvery + Wait);
            }
            while (!reread.Any(s => s.AgentId == "c7"));

            Assert.Equal(Row("c7", AgentStatus.LoggedOut, 3, "host-b"), reread.Single(s => s.AgentId == "c7"));
        }
        finally
        {
            await using (var on = database.DataSource.CreateCommand("ALTER TABLE acd_agent_current_status ENABLE TRIGGER acd_agent_current_status_changed"))
            {
                await on.ExecuteNonQueryAsync();
            }

            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listening);
        }
    }

    [Fact]
    public async Task Writer_publishes_a_row_that_reads_back_equal_and_drops_the_reason_unless_on_break()
    {
        var time = new FakeTimeProvider(Morning.AddTicks(1_234_567));
        using var metrics = new DataMetrics();
        await using var writer = new AgentCurrentStatusWriter(database.DataSource, "host-w", _spoolRoot, time, metrics, NullLogger<AgentCurrentStatusWriter>.Instance);
        writer.Start();

        var published = writer.Publish("c8", AgentStatus.Available, "ignored", "agent1008");
        await writer.FlushAsync(CancellationToken.None);

        Assert.Null(published.Reason);
        Assert.Equal(published, (await Store.LoadAsync(CancellationToken.None)).Single(s => s.AgentId == "c8"));
    }

    [Fact]
    public async Task Writer_with_the_database_away_spools_the_status_and_writes_it_once_the_database_is_back()
    {
        await using var away = new GatedDatabase(database);
        var time = new FakeTimeProvider(Morning.AddMinutes(5));
        using var metrics = new DataMetrics();
        AgentCurrentStatus published;
        await using (var writer = new AgentCurrentStatusWriter(away.DataSource, "host-w", _spoolRoot, time, metrics, NullLogger<AgentCurrentStatusWriter>.Instance))
        {
            writer.Start();
            published = writer.Publish("c11", AgentStatus.OnBreak, "away", "supervisor");
            await writer.FlushAsync(CancellationToken.None);
            Assert.Equal(1, writer.SpooledRows);
        }

        away.Gate.SwitchOn();
        await using var restarted = new AgentCurrentStatusWriter(away.DataSource, "host-w", _spoolRoot, time, metrics, NullLogger<AgentCurrentStatusWriter>.Instance);
        restarted.Start();
        await restarted.FlushAsync(CancellationToken.None);

        Assert.Equal(0, restarted.SpooledRows);
        Assert.Contains(published, await Store.LoadAsync(CancellationToken.None));
    }
}
