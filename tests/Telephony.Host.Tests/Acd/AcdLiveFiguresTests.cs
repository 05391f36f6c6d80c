using Telephony.Acd.Agents;
using Telephony.Acd.Routing;
using Telephony.Host.Acd;
using Telephony.Host.Acd.Live;
using Telephony.Host.Tests.Calls;
using Telephony.Host.Wallboard;

namespace Telephony.Host.Tests.Acd;

/// <summary>The dispatcher's live snapshot and the wallboard view over it, driven by scripted callers on a fake clock.</summary>
public sealed class AcdLiveFiguresTests
{
    private static AcdConfiguration NobodyLoggedIn() => TestAcd.DemoNobodyLoggedIn();

    private static QueueLive Queue(HotlineTestBed bed, string id) => bed.Dispatcher.Live.Queues.Single(queue => queue.Queue == id);

    private static QueueTodayFigures Today(HotlineTestBed bed, string id)
    {
        var live = bed.Dispatcher.Live;
        return live.TodayOf(live.Queues.Single(queue => queue.Queue == id), bed.Dispatcher.LiveOptions.DayOf(bed.Time.GetUtcNow()));
    }

    private static async Task LogInAsync(HotlineTestBed bed, string extension) =>
        Assert.Equal(AcdRejection.None, await bed.Dispatcher.SetAgentStatusAsync(extension, AgentStatus.Available, null, "test", CancellationToken.None));

    [Fact]
    public async Task Live_caller_waiting_with_nobody_logged_in_counts_in_its_queue_then_as_abandoned_today()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn());
        await bed.StartAsync();
        var caller = bed.Caller().Press("2", "3");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller waits on hold");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, Queue(bed, "transfers").Waiting);
        Assert.InRange(Queue(bed, "transfers").LongestWait(bed.Time.GetUtcNow()).TotalSeconds, 30, 32);
        Assert.All(bed.Dispatcher.Live.Queues.Where(queue => queue.Queue != "transfers"), queue => Assert.Equal(0, queue.Waiting));
        Assert.Equal(4, bed.Dispatcher.Live.AgentsByState()[AgentLiveState.LoggedOut]);
        var view = WallboardEndpoints.Read(bed.Dispatcher, bed.Flow, bed.Time);
        Assert.Equal(new WallboardCalls(0, 1, 0), view.Calls);
        Assert.Equal(1, view.Queues.Single(queue => queue.Queue == "transfers").Waiting);

        caller.HangUpRemotely();
        await flow;
        await HotlineTestBed.EventuallyAsync(() => Queue(bed, "transfers").Waiting == 0, "the abandoned caller leaves the queue");

        Assert.Equal(TimeSpan.Zero, Queue(bed, "transfers").LongestWait(bed.Time.GetUtcNow()));
        Assert.Equal(new QueueTodayFigures(Offered: 1, Answered: 0, AnsweredWithinTarget: 0, Abandoned: 1, ShortAbandoned: 0, Overflowed: 0), Today(bed, "transfers"));
        Assert.Equal(0.0, Today(bed, "transfers").ServiceLevel);
        Assert.Equal(new WallboardCalls(0, 0, 0), WallboardEndpoints.Read(bed.Dispatcher, bed.Flow, bed.Time).Calls);
    }

    [Fact]
    public async Task Live_answered_caller_puts_the_agent_on_call_for_its_queue_and_counts_within_the_service_level()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn());
        await bed.StartAsync();
        await LogInAsync(bed, "1002");
        await HotlineTestBed.EventuallyAsync(() => Queue(bed, "transfers").AgentsAvailable == 1, "1002 is free for transfers");
        Assert.Equal(1, bed.Dispatcher.Live.AgentsByState()[AgentLiveState.Idle]);
        Assert.Equal(3, bed.Dispatcher.Live.AgentsByState()[AgentLiveState.LoggedOut]);
        var caller = bed.Caller().Press("2", "3");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.Bridges == 1, "the caller is bridged");
        await HotlineTestBed.EventuallyAsync(() => Queue(bed, "transfers").AgentsOnCall == 1, "1002 counts on a transfers call");

        Assert.Equal(0, Queue(bed, "transfers").AgentsAvailable);
        Assert.Equal(AgentLiveState.OnCall, bed.Dispatcher.Live.Agents.Single(agent => agent.Extension == "1002").State);
        Assert.Equal(new WallboardCalls(0, 0, 1), WallboardEndpoints.Read(bed.Dispatcher, bed.Flow, bed.Time).Calls);

        caller.HangUpRemotely();
        await flow;
        await HotlineTestBed.EventuallyAsync(
            () => bed.Dispatcher.Live.Agents.Single(agent => agent.Extension == "1002").State == AgentLiveState.WrapUp, "1002 wraps up");

        var today = Today(bed, "transfers");
        Assert.Equal((1, 1, 1, 0), (today.Offered, today.Answered, today.AnsweredWithinTarget, today.Abandoned));
        Assert.Equal(1.0, today.ServiceLevel);
        var tile = WallboardEndpoints.Read(bed.Dispatcher, bed.Flow, bed.Time).Queues.Single(queue => queue.Queue == "transfers");
        Assert.Equal((1, 0, 100.0), (tile.AnsweredToday, tile.AbandonedToday, tile.ServiceLevelPercent));
    }

    [Fact]
    public async Task Live_short_abandon_is_left_out_of_the_service_level_base()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn());
        await bed.StartAsync();
        var caller = bed.Caller().Press("2", "3");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller waits on hold");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(2));
        caller.HangUpRemotely();
        await flow;
        await HotlineTestBed.EventuallyAsync(() => Today(bed, "transfers").Abandoned == 1, "the abandon is counted");

        Assert.Equal(1, Today(bed, "transfers").ShortAbandoned);
        Assert.Null(Today(bed, "transfers").ServiceLevel);
        Assert.Null(WallboardEndpoints.Read(bed.Dispatcher, bed.Flow, bed.Time).Queues.Single(queue => queue.Queue == "transfers").ServiceLevelPercent);
    }

    [Fact]
    public async Task Live_today_figures_read_zero_after_local_midnight()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn());
        await bed.StartAsync();
        var caller = bed.Caller().Press("2", "3");
        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller waits on hold");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(10));
        caller.HangUpRemotely();
        await flow;
        await HotlineTestBed.EventuallyAsync(() => Today(bed, "transfers").Offered == 1, "the caller is counted today");

        // 11:00 in Baku plus 13 hours is 00:00 of the next local day.
        bed.Time.Advance(TimeSpan.FromHours(13));

        Assert.Equal(QueueTodayFigures.None, Today(bed, "transfers"));
        Assert.Equal(0, WallboardEndpoints.Read(bed.Dispatcher, bed.Flow, bed.Time).Queues.Single(queue => queue.Queue == "transfers").OfferedToday);
    }

    [Fact]
    public void Live_state_of_an_agent_is_its_system_state_when_busy_else_its_chosen_status()
    {
        static AgentView Agent(AgentStatus status, AgentState state) => new("a", "1001", status, null, state, null, DateTimeOffset.UnixEpoch, 0, null);

        Assert.Equal(AgentLiveState.Idle, AgentLiveStates.Of(Agent(AgentStatus.Available, AgentState.Idle)));
        Assert.Equal(AgentLiveState.Break, AgentLiveStates.Of(Agent(AgentStatus.OnBreak, AgentState.Idle)));
        Assert.Equal(AgentLiveState.LoggedOut, AgentLiveStates.Of(Agent(AgentStatus.LoggedOut, AgentState.Idle)));
        Assert.Equal(AgentLiveState.WrapUp, AgentLiveStates.Of(Agent(AgentStatus.OnBreak, AgentState.WrapUp)));
        Assert.Equal(AgentLiveState.Ringing, AgentLiveStates.Of(Agent(AgentStatus.Available, AgentState.Ringing)));
        Assert.Equal("on_call", AgentLiveStates.NameOf(AgentLiveState.OnCall));
    }
}
