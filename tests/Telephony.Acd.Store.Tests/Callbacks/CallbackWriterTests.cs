using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Store.Callbacks;
using Telephony.Data.Diagnostics;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Callbacks;

public sealed class CallbackWriterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly string _spoolRoot = Directory.CreateTempSubdirectory("callback-spool-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => AcdStoreDatabase.MigrateAsync(database);

    public Task DisposeAsync()
    {
        Directory.Delete(_spoolRoot, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Request_then_changes_reach_the_table_in_order_and_a_replay_changes_nothing()
    {
        var store = new PostgresCallbackStore(database.DataSource, "host-a", TimeSpan.FromSeconds(30), _time);
        using var metrics = new DataMetrics();
        await using var writer = new CallbackWriter(store, _spoolRoot, _time, metrics, NullLogger<CallbackWriter>.Instance);
        writer.Start();
        var request = new StoredCallback(
            Guid.NewGuid(), Guid.NewGuid(), "general", "0501234567", "ru", "admission", ["lang:ru"], _time.GetUtcNow().AddMinutes(-3), 1, 2, TimeSpan.FromMinutes(1))
        {
            NextAttemptAt = _time.GetUtcNow(),
        };

        writer.Write(CallbackChange.Requested(request));
        writer.Write(new CallbackChange(request.OriginalCallId, CallbackState.Dialling, 1, _time.GetUtcNow()));
        writer.Write(new CallbackChange(request.OriginalCallId, CallbackState.Completed, 1, _time.GetUtcNow()));
        writer.Write(CallbackChange.Requested(request));
        await writer.FlushAsync(CancellationToken.None);

        var stored = (await store.FindAsync(request.OriginalCallId, CancellationToken.None))!;
        Assert.Equal((CallbackState.Completed, 1, "ru", "admission"), (stored.State, stored.AttemptsMade, stored.Language, stored.Topic));
    }

    [Fact]
    public async Task Request_while_the_database_is_away_is_spooled_and_a_restarted_host_stores_it_owned_by_itself()
    {
        await using var away = new GatedDatabase(database);
        var store = new PostgresCallbackStore(away.DataSource, "host-a", TimeSpan.FromSeconds(30), _time);
        using var metrics = new DataMetrics();
        var request = new StoredCallback(
            Guid.NewGuid(), Guid.NewGuid(), "general", "0501234567", "az", null, [], _time.GetUtcNow().AddMinutes(-1), 0, 3, TimeSpan.FromMinutes(5))
        {
            NextAttemptAt = _time.GetUtcNow(),
        };
        await using (var writer = new CallbackWriter(store, _spoolRoot, _time, metrics, NullLogger<CallbackWriter>.Instance))
        {
            writer.Start();
            writer.Write(CallbackChange.Requested(request));
            await writer.FlushAsync(CancellationToken.None);
            Assert.Equal(1, writer.SpooledRows);
        }

        away.Gate.SwitchOn();
        await using var restarted = new CallbackWriter(store, _spoolRoot, _time, metrics, NullLogger<CallbackWriter>.Instance);
        restarted.Start();
        await restarted.FlushAsync(CancellationToken.None);

        Assert.Equal(0, restarted.SpooledRows);
        var claimed = Assert.Single(await store.ClaimAsync(includeOwn: true, 10, CancellationToken.None), c => c.OriginalCallId == request.OriginalCallId);
        Assert.Equal(("host-a", request.EnqueuedAt, "az"), (claimed.OwnerHostId, claimed.EnqueuedAt, claimed.Language));
    }
}
