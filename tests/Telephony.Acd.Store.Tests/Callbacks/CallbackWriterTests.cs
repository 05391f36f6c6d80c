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
}
