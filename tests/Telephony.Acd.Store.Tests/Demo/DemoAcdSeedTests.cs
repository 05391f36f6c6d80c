using Telephony.Acd.Store.Configuration;
using Telephony.Acd.Store.Demo;
using Telephony.Acd.Store.Tests.Configuration;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Demo;

public sealed class DemoAcdSeedTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    public Task InitializeAsync() => AcdStoreDatabase.MigrateAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Seed_twice_stores_the_demo_queues_and_agents_once_with_their_accounts()
    {
        var store = new AcdConfigurationStore(database.DataSource);
        var accounts = new Dictionary<string, long> { ["1001"] = 11, ["1002"] = 12, ["1003"] = 13 };

        await DemoAcd.SeedAsync(store, accounts, CancellationToken.None);
        await DemoAcd.SeedAsync(store, accounts, CancellationToken.None);

        var queues = await store.LoadQueuesAsync(CancellationToken.None);
        Assert.Equal(DemoAcd.QueueIds.Order(StringComparer.Ordinal), queues.Select(q => q.Id));
        foreach (var queue in DemoAcd.Queues)
        {
            QueueDefinitionJsonTests.AssertSameQueue(queue, queues.Single(q => q.Id == queue.Id));
        }

        var agents = await store.LoadAgentsAsync(CancellationToken.None);
        Assert.Equal(["1001", "1002", "1003", "1004"], agents.Select(a => a.Agent.Id));
        Assert.Equal([11L, 12L, 13L, null], agents.Select(a => a.AccountId));
        foreach (var agent in DemoAcd.Agents)
        {
            var stored = agents.Single(a => a.Agent.Id == agent.Id).Agent;
            Assert.Equal(agent.Name, stored.Name);
            Assert.Equal(agent.Skills.OrderBy(s => s.Skill, StringComparer.Ordinal), stored.Skills);
        }
    }
}
