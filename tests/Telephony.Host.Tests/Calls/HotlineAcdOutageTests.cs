using Telephony.Acd.Agents;
using Telephony.Acd.Routing;
using Telephony.Calls.Control;
using Telephony.Host.Calls;

namespace Telephony.Host.Tests.Calls;

/// <summary>The ACD's database going away: callers are never dropped for it, and nobody is booked without the shared store's word.</summary>
public sealed class HotlineAcdOutageTests
{
    [Fact]
    public async Task Hotline_reservation_store_down_keeps_the_caller_waiting_unrung_and_bridges_it_once_the_store_answers()
    {
        await using var bed = new HotlineTestBed(TestAcd.Demo());
        await bed.StartAsync();
        bed.Reservations.Down = true;
        var caller = bed.Caller().Press("2", "3");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold && bed.Reservations.FailedReservations >= 2, "the dispatcher tried both qualified agents");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(CallState.Ended, caller.State);
        Assert.Equal(0, caller.Bridges);
        Assert.Empty(bed.Backend.Rung);
        Assert.Single(await bed.Dispatcher.GetCallersAsync(CancellationToken.None));
        Assert.True(bed.Reservations.FailedReservations >= 4, $"the agents were asked for again on later routing passes ({bed.Reservations.FailedReservations} attempts)");

        bed.Reservations.Down = false;
        await bed.AdvanceUntilAsync(() => caller.Bridges == 1, "the caller is bridged once the store answers", maxSeconds: 15);
        var agent = Assert.Single(bed.Backend.Rung);
        Assert.Equal(caller.Id.ToString(), bed.Reservations.HolderOf(agent));
        caller.HangUpRemotely();
        await flow;

        Assert.Equal(CallOutcomes.Answered, Assert.Single(bed.Records.Records).Outcome);
    }

    [Fact]
    public async Task Hotline_caller_arriving_while_the_acd_configuration_cannot_load_waits_and_is_bridged_once_it_loads()
    {
        await using var bed = new HotlineTestBed(TestAcd.Demo());
        bed.Configuration.FailuresLeft = 3;
        await bed.StartWithoutWaitingAsync();
        var caller = bed.Caller().Press("2", "3");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller waits with music");
        Assert.False(bed.Dispatcher.ConfigurationLoaded.IsCompleted);

        await bed.AdvanceUntilAsync(() => caller.Bridges == 1, "the caller is bridged after the configuration loaded", maxSeconds: 30);
        caller.HangUpRemotely();
        await flow;

        Assert.Equal(4, bed.Configuration.Loads);
        Assert.Equal(["1001"], bed.Backend.Rung);
        Assert.Equal(CallOutcomes.Answered, Assert.Single(bed.Records.Records).Outcome);
    }

    [Fact]
    public async Task Hotline_agent_offered_the_same_caller_again_after_a_ring_out_still_holds_its_reservation()
    {
        await using var bed = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn());
        await bed.StartAsync();
        bed.Backend.Phone("1003").AnswerAfter = null;
        bed.Reservations.ReleaseDelay = TimeSpan.FromMilliseconds(100);
        Assert.Equal(AcdRejection.None, await bed.Dispatcher.SetAgentStatusAsync("1003", AgentStatus.Available, null, "test", CancellationToken.None));
        var caller = bed.Caller().Press("2", "4");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => bed.Backend.Rung.Count == 2, "the only agent rang out and is offered the caller again", maxSeconds: 60);
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        var holderWhileRinging = bed.Reservations.HolderOf("1003");
        caller.HangUpRemotely();
        await flow;

        // The release of the first offer and the second reservation were issued together; the release must not win.
        Assert.Equal(caller.Id.ToString(), holderWhileRinging);
        await HotlineTestBed.EventuallyAsync(() => bed.Reservations.HolderOf("1003") is null, "the abandoned caller's reservation is released");
    }
}
