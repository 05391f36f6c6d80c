using Telephony.Acd.Agents;
using Telephony.Acd.Queues;
using Telephony.Acd.Skills;
using Telephony.Acd.Store.Configuration;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Configuration;

public sealed class AcdConfigurationStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private AcdConfigurationStore Store => new(database.DataSource);

    public Task InitializeAsync() => AcdStoreDatabase.MigrateAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SaveAgent_then_load_returns_profile_skills_and_account()
    {
        var agent = new Agent("2001", "2001", "Aysel Məmmədova", [new AgentSkill("lang:az", 10), new AgentSkill("topic:transfers", 6)]);

        await Store.SaveAgentAsync(agent, accountId: 42, active: true, CancellationToken.None);
        var loaded = Assert.Single(await Store.LoadAgentsAsync(CancellationToken.None), a => a.Agent.Id == "2001");

        Assert.Equal(("2001", "Aysel Məmmədova"), (loaded.Agent.Extension, loaded.Agent.Name));
        Assert.Equal([new AgentSkill("lang:az", 10), new AgentSkill("topic:transfers", 6)], loaded.Agent.Skills);
        Assert.Equal(42, loaded.AccountId);
        Assert.True(loaded.Active);
    }

    [Fact]
    public async Task SaveAgent_again_replaces_skills_and_settings()
    {
        await Store.SaveAgentAsync(new Agent("2002", "2002", "Old", [new AgentSkill("lang:ru", 5), new AgentSkill("topic:admission", 5)]), 7, true, CancellationToken.None);

        await Store.SaveAgentAsync(new Agent("2002", "2012", "New", [new AgentSkill("lang:en", 3)]), null, false, CancellationToken.None);
        var loaded = Assert.Single(await Store.LoadAgentsAsync(CancellationToken.None), a => a.Agent.Id == "2002");

        Assert.Equal(("2012", "New"), (loaded.Agent.Extension, loaded.Agent.Name));
        Assert.Equal([new AgentSkill("lang:en", 3)], loaded.Agent.Skills);
        Assert.Null(loaded.AccountId);
        Assert.False(loaded.Active);
    }

    [Fact]
    public async Task SaveQueue_then_load_keeps_every_field_through_jsonb()
    {
        var queue = QueueDefinitionJsonTests.EveryFieldSet(OverflowTarget.ToQueue("general")) with { Id = "q-roundtrip" };

        await Store.SaveQueueAsync(queue, active: true, CancellationToken.None);
        var loaded = Assert.Single(await Store.LoadQueuesAsync(CancellationToken.None), q => q.Id == "q-roundtrip");

        QueueDefinitionJsonTests.AssertSameQueue(queue, loaded);
    }

    [Fact]
    public async Task LoadQueues_leaves_out_inactive_queues()
    {
        await Store.SaveQueueAsync(new AcdQueue { Id = "q-closed", Name = "Closed" }, active: false, CancellationToken.None);

        Assert.DoesNotContain(await Store.LoadQueuesAsync(CancellationToken.None), q => q.Id == "q-closed");
    }

    [Fact]
    public async Task SaveQueue_invalid_definition_is_refused_before_writing()
    {
        var bad = new AcdQueue { Id = "q-bad", Name = "Bad", MaxWait = TimeSpan.FromSeconds(30) };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveQueueAsync(bad, true, CancellationToken.None));
        Assert.Equal(0, await AcdStoreDatabase.CountAsync(database.DataSource, "SELECT count(*) FROM acd_queues WHERE id = 'q-bad'"));
    }
}
