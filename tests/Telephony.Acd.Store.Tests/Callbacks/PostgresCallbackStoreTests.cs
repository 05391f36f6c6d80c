using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Store.Callbacks;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Callbacks;

public sealed class PostgresCallbackStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await AcdStoreDatabase.MigrateAsync(database);

        // Claims take any open row, so each test starts from an empty table (a class's tests run one at a time).
        await AcdStoreDatabase.CountAsync(database.DataSource, "WITH d AS (DELETE FROM acd_callbacks RETURNING 1) SELECT count(*) FROM d");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Insert_keeps_the_request_and_its_place_owned_by_the_inserting_host()
    {
        var store = Store("host-a");
        var request = Request(minutesAgo: 7) with { Language = "az", Topic = "transfers", Skills = ["lang:az", "topic:transfers"] };

        Assert.True(await store.InsertAsync(request, CancellationToken.None));
        Assert.False(await store.InsertAsync(request with { Id = Guid.NewGuid() }, CancellationToken.None));

        var stored = (await store.FindAsync(request.OriginalCallId, CancellationToken.None))!;
        Assert.Equal(
            (request.Id, request.QueueId, request.Number, "az", "transfers", request.EnqueuedAt, 2, 3, 0, TimeSpan.FromMinutes(5)),
            (stored.Id, stored.QueueId, stored.Number, stored.Language, stored.Topic, stored.EnqueuedAt, stored.Priority, stored.AttemptsAllowed, stored.AttemptsMade, stored.RetryInterval));
        Assert.Equal(["lang:az", "topic:transfers"], stored.Skills);
        Assert.Equal((CallbackState.Pending, "host-a", _time.GetUtcNow() + Lease), (stored.State, stored.OwnerHostId, stored.LeaseExpiresAt));
    }

    [Fact]
    public async Task Claim_skips_a_live_lease_of_another_host_and_takes_it_once_the_lease_ran_out()
    {
        var owner = Store("host-a");
        var other = Store("host-b");
        var request = Request(minutesAgo: 2);
        await owner.InsertAsync(request, CancellationToken.None);

        Assert.Empty(await other.ClaimAsync(includeOwn: false, 10, CancellationToken.None));
        _time.Advance(Lease + TimeSpan.FromSeconds(1));

        var claimed = Assert.Single(await other.ClaimAsync(includeOwn: false, 10, CancellationToken.None));
        Assert.Equal((request.OriginalCallId, "host-b", _time.GetUtcNow() + Lease), (claimed.OriginalCallId, claimed.OwnerHostId, claimed.LeaseExpiresAt));
        Assert.False(await owner.MarkDiallingAsync(request.OriginalCallId, 1, CancellationToken.None));
        Assert.Empty(await owner.RenewAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Claim_takes_own_rows_only_when_asked_at_start_oldest_place_first()
    {
        var store = Store("host-a");
        var newer = Request(minutesAgo: 1);
        var older = Request(minutesAgo: 9);
        await store.InsertAsync(newer, CancellationToken.None);
        await store.InsertAsync(older, CancellationToken.None);

        Assert.Empty(await store.ClaimAsync(includeOwn: false, 10, CancellationToken.None));
        var claimed = await store.ClaimAsync(includeOwn: true, 10, CancellationToken.None);

        Assert.Equal([older.OriginalCallId, newer.OriginalCallId], claimed.Select(c => c.OriginalCallId));
    }

    [Fact]
    public async Task Renew_extends_the_owners_leases_so_another_host_cannot_claim()
    {
        var owner = Store("host-a");
        var other = Store("host-b");
        var request = Request(minutesAgo: 3);
        await owner.InsertAsync(request, CancellationToken.None);

        _time.Advance(Lease - TimeSpan.FromSeconds(5));
        Assert.Equal([request.OriginalCallId], await owner.RenewAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(await other.ClaimAsync(includeOwn: false, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_dial_interrupted_by_a_dead_host_comes_back_pending_with_the_attempt_counted()
    {
        var dead = Store("host-a");
        var heir = Store("host-b");
        var request = Request(minutesAgo: 4);
        await dead.InsertAsync(request, CancellationToken.None);
        Assert.True(await dead.MarkDiallingAsync(request.OriginalCallId, 1, CancellationToken.None));

        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        var claimed = Assert.Single(await heir.ClaimAsync(includeOwn: false, 10, CancellationToken.None));

        Assert.Equal((CallbackState.Pending, 1, request.EnqueuedAt), (claimed.State, claimed.AttemptsMade, claimed.EnqueuedAt));
    }

    [Fact]
    public async Task Outcomes_close_the_row_and_closed_rows_are_never_claimed()
    {
        var store = Store("host-a");
        var answered = Request(minutesAgo: 5);
        var unanswered = Request(minutesAgo: 4);
        var retried = Request(minutesAgo: 3);
        foreach (var request in new[] { answered, unanswered, retried })
        {
            await store.InsertAsync(request, CancellationToken.None);
        }

        Assert.True(await store.MarkCompletedAsync(answered.OriginalCallId, 1, CancellationToken.None));
        Assert.True(await store.MarkGivenUpAsync(unanswered.OriginalCallId, 3, CancellationToken.None));
        var retryAt = _time.GetUtcNow() + TimeSpan.FromMinutes(5);
        Assert.True(await store.MarkAttemptFailedAsync(retried.OriginalCallId, 1, retryAt, CancellationToken.None));
        Assert.False(await store.MarkDiallingAsync(answered.OriginalCallId, 2, CancellationToken.None));

        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        var claimed = Assert.Single(await Store("host-b").ClaimAsync(includeOwn: false, 10, CancellationToken.None));
        Assert.Equal((retried.OriginalCallId, 1, retryAt), (claimed.OriginalCallId, claimed.AttemptsMade, claimed.NextAttemptAt));
        Assert.Equal(CallbackState.Completed, (await store.FindAsync(answered.OriginalCallId, CancellationToken.None))!.State);
        Assert.Equal(CallbackState.GivenUp, (await store.FindAsync(unanswered.OriginalCallId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Release_at_a_clean_stop_lets_another_host_claim_at_once()
    {
        var stopping = Store("host-a");
        var request = Request(minutesAgo: 2);
        await stopping.InsertAsync(request, CancellationToken.None);

        Assert.Equal(1, await stopping.ReleaseAsync(CancellationToken.None));

        Assert.Single(await Store("host-b").ClaimAsync(includeOwn: false, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Two_hosts_claiming_at_once_take_each_callback_exactly_once()
    {
        const int Callbacks = 200;
        var inserter = Store("host-gone");
        for (var i = 0; i < Callbacks; i++)
        {
            await inserter.InsertAsync(Request(minutesAgo: 1 + (i % 50)), CancellationToken.None);
        }

        _time.Advance(Lease + TimeSpan.FromSeconds(1));

        // Separate pools, so the two claimers really run on two connections at the same moments.
        await using var first = Npgsql.NpgsqlDataSource.Create(database.ConnectionString);
        await using var second = Npgsql.NpgsqlDataSource.Create(database.ConnectionString);
        var claims = await Task.WhenAll(ClaimAllAsync(new PostgresCallbackStore(first, "host-1", Lease, _time)), ClaimAllAsync(new PostgresCallbackStore(second, "host-2", Lease, _time)));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(Callbacks, all.Count);
        Assert.Equal(Callbacks, all.Distinct().Count());
        Assert.All(claims, claimed => Assert.NotEmpty(claimed));
        Assert.Equal(claims[0].Count, await AcdStoreDatabase.CountAsync(database.DataSource, "SELECT count(*) FROM acd_callbacks WHERE owner_host_id = 'host-1'"));
    }

    /// <summary>Claims in small batches until nothing is left: the two claimers interleave many times.</summary>
    private static async Task<List<Guid>> ClaimAllAsync(PostgresCallbackStore store)
    {
        var taken = new List<Guid>();
        while (true)
        {
            var batch = await store.ClaimAsync(includeOwn: false, 3, CancellationToken.None);
            if (batch.Count == 0)
            {
                return taken;
            }

            taken.AddRange(batch.Select(c => c.OriginalCallId));
        }
    }

    private PostgresCallbackStore Store(string host) => new(database.DataSource, host, Lease, _time);

    private StoredCallback Request(int minutesAgo) => new(
        Guid.NewGuid(), Guid.NewGuid(), "general", "0501234567", null, null, [], _time.GetUtcNow() - TimeSpan.FromMinutes(minutesAgo), 2, 3, TimeSpan.FromMinutes(5))
    {
        NextAttemptAt = _time.GetUtcNow(),
    };
}
