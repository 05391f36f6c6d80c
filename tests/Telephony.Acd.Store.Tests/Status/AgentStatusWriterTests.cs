using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Acd.Agents;
using Telephony.Acd.Routing;
using Telephony.Acd.Skills;
using Telephony.Acd.Store.Status;
using Telephony.Data.Diagnostics;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Status;

public sealed class AgentStatusWriterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly string _spoolRoot = Directory.CreateTempSubdirectory("acd-spool-").FullName;

    public async Task InitializeAsync()
    {
        await AcdStoreDatabase.MigrateAsync(database);
        await AcdStoreDatabase.AddAgentsAsync(database.DataSource, ["w1"]);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_spoolRoot, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Record_engine_results_then_current_status_restores_the_break()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var engine = new AcdEngine(time);
        engine.AddAgent(new Agent("w1", "1001", "W", [new AgentSkill("lang:az", 5)]));
        using var metrics = new DataMetrics();
        await using var writer = new AgentStatusWriter(database.DataSource, _spoolRoot, time, metrics, NullLogger<AgentStatusWriter>.Instance);
        writer.Start();

        writer.Record(engine.LogIn("w1"));
        time.Advance(TimeSpan.FromMinutes(30));
        writer.Record(engine.TakeBreak("w1", "lunch"), changedBy: "supervisor");
        await writer.FlushAsync(CancellationToken.None);

        var current = await new AgentStatusLog(database.DataSource).CurrentStatusAsync("w1", CancellationToken.None);
        Assert.Equal(new AgentStatusSnapshot("w1", AgentStatus.OnBreak, "lunch", time.GetUtcNow()), current);
        Assert.Equal(1, await AcdStoreDatabase.CountAsync(database.DataSource, "SELECT count(*) FROM acd_agent_status_log WHERE changed_by = 'supervisor'"));
    }
}
