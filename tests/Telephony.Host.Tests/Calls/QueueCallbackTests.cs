using Telephony.Acd.Agents;
using Telephony.Calls.Control;
using Telephony.Host.Acd;
using Telephony.Host.Calls;

namespace Telephony.Host.Tests.Calls;

public sealed class QueueCallbackTests
{
    private const string CitizenNumber = "0501234567";

    private static AcdConfiguration NobodyLoggedIn() => TestAcd.DemoNobodyLoggedIn();

    private static HotlineOptions Options() => new()
    {
        HostId = "test",
        Callback = new QueueCallbackOptions { Attempts = 3, RetryInterval = TimeSpan.FromMinutes(5), RingTimeout = TimeSpan.FromSeconds(30) },
    };

    private static async Task LogInAsync(HotlineTestBed bed, string extension) =>
        Assert.Equal(Telephony.Acd.Routing.AcdRejection.None, await bed.Dispatcher.SetAgentStatusAsync(extension, AgentStatus.Available, null, "test", CancellationToken.None));

    /// <summary>A Russian transfers caller who waits, presses 1 and hears the confirmation; their call then ends.</summary>
    private static async Task<ScriptedCall> LeaveForCallbackAsync(HotlineTestBed bed, string from = CitizenNumber)
    {
        var caller = bed.Caller(from).Press("2", "3");
        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller waits in the queue");
        caller.PressDuringHold("1");
        await bed.AdvanceUntilAsync(() => flow.IsCompleted, "the caller's call ends after the callback request");
        await flow;
        return caller;
    }

    [Fact]
    public async Task Callback_keeps_the_place_ahead_of_a_later_live_caller_and_is_dialled_only_when_it_comes_up()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn(), Options());
        await bed.StartAsync();

        var original = await LeaveForCallbackAsync(bed);
        Assert.Contains(QueueCallbackWording.ConfirmedNode + ".Main.ru", original.Played);
        Assert.True(original.HungUpByUs);
        var requested = Assert.Single(bed.Records.Records);
        Assert.Equal(CallOutcomes.CallbackRequested, requested.Outcome);
        Assert.True(requested.CallbackRequested);
        Assert.Contains(bed.Records.Events, e => e.CallId == original.Id && e.Event == "callback-requested");

        await bed.AdvanceAsync(TimeSpan.FromSeconds(20));
        var live = bed.Caller("0557654321").Press("2", "3");
        var liveFlow = bed.Backend.DialInAsync(live);
        await bed.AdvanceUntilAsync(() => live.OnHold, "the later caller waits");
        await bed.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Empty(bed.Backend.Rung);

        await LogInAsync(bed, "1003");
        await bed.AdvanceUntilAsync(() => bed.Backend.Phone(CitizenNumber).Legs.Count == 1, "the citizen is called back");

        Assert.Equal(["1003", CitizenNumber], bed.Backend.Rung);
        Assert.Equal(0, live.Bridges);
        var citizen = Assert.Single(bed.Backend.Phone(CitizenNumber).Legs);
        await bed.AdvanceUntilAsync(() => citizen.Bridges == 1, "the citizen is bridged with the agent");
        Assert.Same(bed.Backend.Phone("1003").Legs[0], citizen.BridgedTo);
        Assert.Contains((citizen.Id, "transfers", "1003"), bed.Taps.Created);
        await bed.AdvanceAsync(TimeSpan.FromSeconds(30));
        citizen.HangUpRemotely();

        await bed.AdvanceUntilAsync(() => bed.Records.Records.Any(r => r.IsCallback), "the callback's record is written");
        var callback = Assert.Single(bed.Records.Records, r => r.IsCallback);
        Assert.Equal(original.Id, callback.CallbackOf);
        Assert.Equal(CallOutcomes.Answered, callback.Outcome);
        Assert.Equal(("transfers", "1003", "ru"), (callback.QueueId, callback.AgentId, callback.Language));
        Assert.Equal(requested.QueuedAt, callback.QueuedAt);
        Assert.InRange(callback.TalkMs!.Value, 29_000, 32_000);
        var made = Assert.Single(bed.Records.Events, e => e.Event == "callback-made");
        Assert.Equal(original.Id, made.CallId);
        Assert.Contains("\"outcome\":\"answered\"", made.DetailJson, StringComparison.Ordinal);
        Assert.Contains(callback.Id.ToString(), made.DetailJson, StringComparison.Ordinal);

        await bed.AdvanceUntilAsync(() => live.Bridges == 1, "the later live caller is served after the callback", maxSeconds: 300);
        live.HangUpRemotely();
        await liveFlow;
    }

    [Fact]
    public async Task Callback_not_answered_is_retried_after_the_interval_then_given_up()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn(), Options());
        await bed.StartAsync();
        bed.Backend.Phone(CitizenNumber).AnswerAfter = null;
        var original = await LeaveForCallbackAsync(bed);

        await LogInAsync(bed, "1003");
        var citizenPhone = bed.Backend.Phone(CitizenNumber);
        Assert.Equal(CallOutcomes.CallbackRequested, Assert.Single(bed.Records.Records).Outcome);
        Assert.Single(await bed.Dispatcher.GetCallersAsync(CancellationToken.None));
        await bed.AdvanceUntilAsync(() => bed.Backend.Rung.Count > 0, "the agent is rung");
        await bed.AdvanceUntilAsync(() => citizenPhone.Rings == 1, "the first attempt");
        await bed.AdvanceAsync(TimeSpan.FromMinutes(4));
        Assert.Equal(1, citizenPhone.Rings);
        await bed.AdvanceUntilAsync(() => citizenPhone.Rings == 3, "the two retries", maxSeconds: 15 * 60);
        await bed.AdvanceAsync(TimeSpan.FromMinutes(15));

        Assert.Equal(3, citizenPhone.Rings);
        Assert.Equal(3, bed.Backend.Phone("1003").Rings);
        Assert.Empty(await bed.Dispatcher.GetCallersAsync(CancellationToken.None));
        var made = bed.Records.Events.Where(e => e.Event == "callback-made").ToList();
        Assert.Equal(3, made.Count);
        Assert.All(made, e => Assert.Equal(original.Id, e.CallId));
        Assert.All(made, e => Assert.Contains("\"outcome\":\"no-answer\"", e.DetailJson, StringComparison.Ordinal));
        Assert.Contains("\"gaveUp\":true", made[^1].DetailJson, StringComparison.Ordinal);
        Assert.Contains("\"gaveUp\":false", made[0].DetailJson, StringComparison.Ordinal);
        Assert.InRange(made[1].At - made[0].At, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6));
        Assert.DoesNotContain(bed.Records.Records, r => r.IsCallback);
        var agent = Assert.Single(await bed.Dispatcher.GetAgentsAsync(CancellationToken.None), a => a.Extension == "1003");
        Assert.NotEqual(AgentState.OnCall, agent.State);
    }

    [Fact]
    public async Task Callback_key_from_a_number_not_allowed_is_refused_and_the_number_is_never_dialled()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn(), Options());
        await bed.StartAsync();
        var caller = bed.Caller("+79991234567").Press("2", "3");
        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller waits in the queue");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(50));

        caller.PressDuringHold("1");
        await bed.AdvanceUntilAsync(() => caller.Played.Contains(QueueCallbackWording.NotPossibleNode + ".Main.ru"), "the caller hears a callback is not possible");
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller keeps waiting with music");
        Assert.NotEqual(CallState.Ended, caller.State);
        Assert.DoesNotContain(QueueCallbackWording.OfferNode + ".Main.ru", caller.Played);
        caller.HangUpRemotely();
        await flow;
        await LogInAsync(bed, "1003");
        await bed.AdvanceAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(CallOutcomes.Abandoned, Assert.Single(bed.Records.Records).Outcome);
        Assert.DoesNotContain("+79991234567", bed.Backend.Rung);
        Assert.Empty(bed.Backend.Rung);
    }

    [Fact]
    public async Task Callback_offer_is_announced_with_the_position_to_an_allowed_number()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn(), Options());
        await bed.StartAsync();
        var caller = bed.Caller().Press("2", "3");
        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller waits in the queue");

        await bed.AdvanceUntilAsync(() => caller.Played.Contains(QueueCallbackWording.OfferNode + ".Main.ru"), "the position announcement offers the callback key");
        caller.HangUpRemotely();
        await flow;
    }
}
