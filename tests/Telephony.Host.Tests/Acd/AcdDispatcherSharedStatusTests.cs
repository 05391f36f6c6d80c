using Telephony.Acd.Agents;
using Telephony.Acd.Routing;
using Telephony.Acd.Store.Status;
using Telephony.Host.Tests.Calls;

namespace Telephony.Host.Tests.Acd;

public sealed class AcdDispatcherSharedStatusTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static AgentCurrentStatus Shared(string agent, AgentStatus status, int second, string? reason = null) =>
        new(agent, status, reason, Morning.AddSeconds(second), "supervisor", "host-b");

    private static async Task<AgentView> AgentAsync(HotlineTestBed bed, string extension) =>
        (await bed.Dispatcher.GetAgentsAsync(CancellationToken.None)).Single(a => a.Extension == extension);

    [Fact]
    public async Task Status_chosen_through_another_host_applies_here_and_is_left_to_that_host_to_log()
    {
        await using var bed = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn());
        await bed.StartAsync();

        await bed.Dispatcher.ApplySharedStatusesAsync([Shared("1002", AgentStatus.Available, 1), Shared("9999", AgentStatus.Available, 1)], CancellationToken.None);

        Assert.Equal(AgentStatus.Available, (await AgentAsync(bed, "1002")).Status);
        Assert.DoesNotContain(bed.AcdEvents.StatusLog, e => e.AgentId == "1002" && e.Kind == "status");
    }

    [Fact]
    public async Task Older_or_already_seen_shared_status_changes_nothing()
    {
        await using var bed = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn());
        await bed.StartAsync();
        await bed.Dispatcher.ApplySharedStatusesAsync([Shared("1003", AgentStatus.OnBreak, 10, "meeting")], CancellationToken.None);

        // A late row from before the break (a reconnecting host's re-read), then the break's own echo.
        await bed.Dispatcher.ApplySharedStatusesAsync([Shared("1003", AgentStatus.Available, 5)], CancellationToken.None);
        await bed.Dispatcher.SetAgentStatusAsync("1003", AgentStatus.OnBreak, "training", "agent1003", CancellationToken.None);
        await bed.Dispatcher.ApplySharedStatusesAsync([Shared("1003", AgentStatus.OnBreak, 10, "meeting")], CancellationToken.None);

        var agent = await AgentAsync(bed, "1003");
        Assert.Equal((AgentStatus.OnBreak, "training"), (agent.Status, agent.BreakReason));
    }

    [Fact]
    public async Task Newer_break_through_another_host_replaces_the_reason_of_a_break_here()
    {
        await using var bed = new HotlineTestBed(TestAcd.Demo());
        await bed.StartAsync();

        await bed.Dispatcher.ApplySharedStatusesAsync([Shared("1001", AgentStatus.OnBreak, 1, "lunch")], CancellationToken.None);
        await bed.Dispatcher.ApplySharedStatusesAsync([Shared("1001", AgentStatus.OnBreak, 2, "coaching")], CancellationToken.None);

        var agent = await AgentAsync(bed, "1001");
        Assert.Equal((AgentStatus.OnBreak, "coaching"), (agent.Status, agent.BreakReason));
    }

    [Fact]
    public async Task Statuses_read_with_the_configuration_hold_from_the_first_request_over_the_initially_available()
    {
        // A restarted demo host: its agents start available, but were logged out (1001) and sent on a break (1002) before.
        var configuration = TestAcd.Demo() with
        {
            SharedStatuses = [Shared("1001", AgentStatus.LoggedOut, 1), Shared("1002", AgentStatus.OnBreak, 2, "lunch")],
        };
        await using var bed = new HotlineTestBed(configuration);
        await bed.StartAsync();
        await bed.Dispatcher.ConfigurationLoaded;

        Assert.Equal(AcdRejection.None, await bed.Dispatcher.SetAgentStatusAsync("1001", AgentStatus.Available, null, "supervisor", CancellationToken.None));
        await bed.Dispatcher.ApplySharedStatusesAsync(configuration.SharedStatuses, CancellationToken.None);

        Assert.Equal(AgentStatus.Available, (await AgentAsync(bed, "1001")).Status);
        var onBreak = await AgentAsync(bed, "1002");
        Assert.Equal((AgentStatus.OnBreak, "lunch"), (onBreak.Status, onBreak.BreakReason));
        Assert.Equal(AgentStatus.Available, (await AgentAsync(bed, "1003")).Status);
    }

    [Fact]
    public async Task Status_request_before_the_agents_are_loaded_waits_for_them_instead_of_calling_the_agent_unknown()
    {
        await using var bed = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn());
        bed.Configuration.FailuresLeft = 1;
        await bed.StartWithoutWaitingAsync();

        var request = bed.Dispatcher.SetAgentStatusAsync("1003", AgentStatus.Available, null, "supervisor", CancellationToken.None);
        Assert.False(bed.Dispatcher.ConfigurationLoaded.IsCompleted);
        await bed.AdvanceUntilAsync(() => request.IsCompleted, "the request is answered once the agents are loaded");

        Assert.Equal(AcdRejection.None, await request);
        Assert.Equal(AgentStatus.Available, (await AgentAsync(bed, "1003")).Status);
    }
}
