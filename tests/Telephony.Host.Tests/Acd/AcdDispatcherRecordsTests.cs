using Telephony.Acd.Agents;
using Telephony.Acd.Routing;
using Telephony.Host.Tests.Calls;

namespace Telephony.Host.Tests.Acd;

public sealed class AcdDispatcherRecordsTests
{
    [Fact]
    public async Task Agent_status_change_goes_to_the_status_log_with_who_made_it()
    {
        await using var bed = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn());
        await bed.StartAsync();

        Assert.Equal(AcdRejection.None, await bed.Dispatcher.SetAgentStatusAsync("1002", AgentStatus.Available, null, "agent1002", CancellationToken.None));
        Assert.Equal(AcdRejection.None, await bed.Dispatcher.SetAgentStatusAsync("1002", AgentStatus.OnBreak, "lunch", "supervisor", CancellationToken.None));

        var statuses = bed.AcdEvents.StatusLog.Where(e => e.AgentId == "1002" && e.Kind == "status").ToArray();
        Assert.Equal(["available", "onBreak"], statuses.Select(e => e.Value));
        Assert.Equal("lunch", statuses[1].Reason);
        Assert.Equal(["agent1002", "supervisor"], statuses.Select(e => e.ChangedBy));
    }

    [Fact]
    public async Task Demo_configuration_starts_the_four_demo_agents_available_and_a_real_site_logged_out()
    {
        await using var demo = new HotlineTestBed(TestAcd.Demo());
        await using var site = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn());
        await demo.StartAsync();
        await site.StartAsync();

        Assert.Equal(["1001", "1002", "1003", "1004"], (await demo.Dispatcher.GetAgentsAsync(CancellationToken.None))
            .Where(a => a.Status == AgentStatus.Available).Select(a => a.Extension).Order(StringComparer.Ordinal));
        Assert.All(await site.Dispatcher.GetAgentsAsync(CancellationToken.None), a => Assert.Equal(AgentStatus.LoggedOut, a.Status));
        Assert.Equal(4, demo.AcdEvents.StatusLog.Count(e => e.Kind == "status" && e.Value == "available"));
    }
}
