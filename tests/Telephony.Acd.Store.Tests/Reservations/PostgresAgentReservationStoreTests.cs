using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Telephony.Acd.Store.Reservations;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Reservations;

public sealed class PostgresAgentReservationStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await AcdStoreDatabase.MigrateAsync(database);
        await AcdStoreDatabase.AddAgentsAsync(database.DataSource, Enumerable.Range(1, 40).Select(i => $"a{i}"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private PostgresAgentReservationStore Store(string host, NpgsqlDataSource? dataSource = null) =>
        new(dataSource ?? database.DataSource, host, _time);

    [Fact]
    public async Task TryReserve_free_agent_wins_and_records_host()
    {
        var store = Store("host-a");

        Assert.True(await store.TryReserveAsync("a1", "call-1", CancellationToken.None));

        var hold = Assert.Single(await store.HoldsAsync(CancellationToken.None), h => h.AgentId == "a1");
        Assert.Equal(new AgentReservation("a1", "call-1", "host-a", _time.GetUtcNow()), hold);
        await store.ReleaseAsync("a1", "call-1", CancellationToken.None);
    }

    [Fact]
    public async Task TryReserve_same_call_again_is_true_other_call_is_false()
    {
        var hostA = Store("host-a");
        var hostB = Store("host-b");
        await hostA.TryReserveAsync("a2", "call-1", CancellationToken.None);

        Assert.True(await hostA.TryReserveAsync("a2", "call-1", CancellationToken.None));
        Assert.False(await hostB.TryReserveAsync("a2", "call-2", CancellationToken.None));
        Assert.False(await hostA.TryReserveAsync("a2", "call-3", CancellationToken.None));
        await hostA.ReleaseAsync("a2", "call-1", CancellationToken.None);
    }

    [Fact]
    public async Task Release_by_another_call_leaves_the_hold_release_by_holder_frees()
    {
        var store = Store("host-a");
        await store.TryReserveAsync("a3", "call-1", CancellationToken.None);

        await store.ReleaseAsync("a3", "call-2", CancellationToken.None);
        Assert.False(await store.TryReserveAsync("a3", "call-2", CancellationToken.None));

        await store.ReleaseAsync("a3", "call-1", CancellationToken.None);
        Assert.True(await store.TryReserveAsync("a3", "call-2", CancellationToken.None));
        await store.ReleaseAsync("a3", "call-2", CancellationToken.None);
        await store.ReleaseAsync("a3", "call-2", CancellationToken.None);
    }

    [Fact]
    public async Task ReleaseAllForHost_frees_only_that_hosts_agents()
    {
        var crashed = Store("host-crashed");
        var survivor = Store("host-survivor");
        await crashed.TryReserveAsync("a4", "call-1", CancellationToken.None);
        await crashed.TryReserveAsync("a5", "call-2", CancellationToken.None);
        await survivor.TryReserveAsync("a6", "call-3", CancellationToken.None);

        var freed = await survivor.ReleaseAllForHostAsync("host-crashed", CancellationToken.None);

        Assert.Equal(2, freed);
        Assert.Empty(await crashed.HoldsAsync(CancellationToken.None));
        Assert.True(await survivor.TryReserveAsync("a4", "call-4", CancellationToken.None));
        Assert.False(await crashed.TryReserveAsync("a6", "call-5", CancellationToken.None));
        await survivor.ReleaseAllForHostAsync("host-survivor", CancellationToken.None);
    }

    [Fact]
    public async Task HoldsOutside_lists_this_hosts_dead_calls_taken_before_the_snapshot()
    {
        var store = Store("host-watch");
        var other = Store("host-other");
        await store.TryReserveAsync("a7", "live-call", CancellationToken.None);
        await store.TryReserveAsync("a8", "dead-call", CancellationToken.None);
        await other.TryReserveAsync("a9", "other-hosts-call", CancellationToken.None);
        var snapshotAt = _time.GetUtcNow().AddSeconds(1);
        _time.Advance(TimeSpan.FromSeconds(2));
        await store.TryReserveAsync("a10", "after-snapshot", CancellationToken.None);

        var leaks = await store.HoldsOutsideAsync(["live-call"], snapshotAt, CancellationToken.None);

        Assert.Equal(["dead-call"], leaks.Select(l => l.CallId));
        await store.ReleaseAllForHostAsync("host-watch", CancellationToken.None);
        await other.ReleaseAllForHostAsync("host-other", CancellationToken.None);
    }

    [Fact]
    public async Task TryReserve_two_hosts_racing_thousands_of_times_never_both_hold_an_agent()
    {
        string[] agents = ["a20", "a21", "a22", "a23"];
        var holders = new string?[agents.Length];
        var violations = 0;
        await using var secondHost = NpgsqlDataSource.Create(database.ConnectionString);
        var stores = new[] { Store("race-1"), Store("race-2", secondHost) };
        var wins = new int[2];
        var losses = 0;

        async Task WorkerAsync(int host, int worker)
        {
            var random = new Random((host * 100) + worker);
            for (var i = 0; i < 400; i++)
            {
                var slot = random.Next(agents.Length);
                var callId = $"h{host}-w{worker}-{i}";
                if (!await stores[host].TryReserveAsync(agents[slot], callId, CancellationToken.None))
                {
                    Interlocked.Increment(ref losses);
                    continue;
                }

                Interlocked.Increment(ref wins[host]);
                if (Interlocked.CompareExchange(ref holders[slot], callId, null) is not null)
                {
                    Interlocked.Increment(ref violations);
                    continue;
                }

                await Task.Yield();
                Volatile.Write(ref holders[slot], null);
                await stores[host].ReleaseAsync(agents[slot], callId, CancellationToken.None);
            }
        }

        var workers = Enumerable.Range(0, 2).SelectMany(host => Enumerable.Range(0, 4).Select(worker => Task.Run(() => WorkerAsync(host, worker))));
        await Task.WhenAll(workers);

        Assert.Equal(0, violations);
        Assert.True(wins[0] > 0 && wins[1] > 0, $"both hosts should win some: {wins[0]}, {wins[1]}");
        Assert.True(losses > 0, "the agents should have been contended");
        Assert.Equal(3200, wins[0] + wins[1] + losses);
        Assert.Equal(0, await AcdStoreDatabase.CountAsync(database.DataSource, "SELECT count(*) FROM acd_agent_reservations WHERE host_id LIKE 'race-%'"));
    }
}
