using Telephony.Acd.Agents;
using Telephony.Acd.Routing;
using Telephony.Host.Acd;
using Telephony.Host.Tests.Calls;

namespace Telephony.Host.Tests.Acd;

/// <summary>
/// What the agent desktop and the supervisor page read from the dispatcher, on the in-process hotline with a fake
/// clock: the call card from the offer through wrap-up, time in state, the early end of wrap-up, waiting callers with
/// their places, and the change signal the live pages wait on.
/// </summary>
public sealed class AcdDispatcherDeskTests
{
    private static AcdConfiguration NobodyLoggedIn() => TestAcd.DemoNobodyLoggedIn();

    private static Task<AcdRejection> SetAsync(HotlineTestBed bed, string extension, AgentStatus status, string? reason = null) =>
        bed.Dispatcher.SetAgentStatusAsync(extension, status, reason, "test", CancellationToken.None);

    private static Task<AgentDeskSnapshot?> DeskAsync(HotlineTestBed bed, string extension) =>
        bed.Dispatcher.GetDeskAsync(extension, CancellationToken.None);

    [Fact]
    public async Task Desk_card_shows_the_call_from_answer_through_wrap_up_and_ending_wrap_up_early_frees_the_agent()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn());
        await bed.StartAsync();
        await SetAsync(bed, "1003", AgentStatus.Available);
        var caller = bed.Caller("0507654321").Press("2", "4");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.Bridges == 1, "the caller is bridged");
        var answeredAt = bed.Time.GetUtcNow();
        var onCall = await DeskAsync(bed, "1003");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(30));
        caller.HangUpRemotely();
        await flow;
        var wrapUpStarted = bed.Time.GetUtcNow();
        await bed.AdvanceAsync(TimeSpan.FromSeconds(3));
        var wrappingUp = await DeskAsync(bed, "1003");
        var wrongCall = await bed.Dispatcher.EndWrapUpAsync("1003", Guid.NewGuid().ToString(), CancellationToken.None);
        var ended = await bed.Dispatcher.EndWrapUpAsync("1003", caller.Id.ToString(), CancellationToken.None);
        var idle = await DeskAsync(bed, "1003");

        Assert.Equal(AgentState.OnCall, onCall!.State);
        var card = onCall.Card!;
        Assert.Equal((caller.Id.ToString(), "0507654321", "recognition", "ru", "recognition"), (card.CallId, card.Caller, card.Queue, card.Language, card.Topic));
        Assert.NotNull(card.AnsweredAt);
        Assert.InRange(card.AnsweredAt!.Value - card.EnqueuedAt, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.InRange(onCall.StateSince, answeredAt.AddSeconds(-2), answeredAt);
        Assert.Equal(AgentState.WrapUp, wrappingUp!.State);
        Assert.Equal(card.CallId, wrappingUp.Card?.CallId);
        Assert.InRange(wrappingUp.StateSince, wrapUpStarted.AddSeconds(-1), wrapUpStarted);
        Assert.Equal(AcdRejection.IllegalTransition, wrongCall);
        Assert.Equal(AcdRejection.None, ended);
        Assert.Equal(AgentState.Idle, idle!.State);
        Assert.Null(idle.Card);
        Assert.Equal(card.CallId, idle.LastCall?.CallId);
    }

    [Fact]
    public async Task Supervisor_snapshot_lists_waiting_callers_in_order_with_language_and_topic_then_the_agent_with_the_first()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn());
        await bed.StartAsync();
        await SetAsync(bed, "1003", AgentStatus.Available);
        await SetAsync(bed, "1003", AgentStatus.OnBreak, "lunch");
        var first = bed.Caller("0501111111").Press("2", "4");
        var second = bed.Caller("0502222222").Press("2", "4");

        var flows = new[] { bed.Backend.DialInAsync(first), bed.Backend.DialInAsync(second) };
        // Music on hold starts after the caller was handed to the dispatcher, whose loop takes inputs in order.
        await bed.AdvanceUntilAsync(() => first.OnHold && second.OnHold, "both callers wait with music");
        var waiting = await bed.Dispatcher.GetSupervisorSnapshotAsync(CancellationToken.None);
        await SetAsync(bed, "1003", AgentStatus.Available);
        await bed.AdvanceUntilAsync(() => first.Bridges == 1, "the first caller is bridged");
        var connected = await bed.Dispatcher.GetSupervisorSnapshotAsync(CancellationToken.None);
        first.HangUpRemotely();
        second.HangUpRemotely();
        await Task.WhenAll(flows);

        var ordered = waiting.Callers.OrderBy(c => c.EnqueuedAt).ThenBy(c => c.Position).ToArray();
        Assert.Equal(["0501111111", "0502222222"], ordered.Select(c => c.Caller));
        Assert.Equal([1, 2], ordered.Select(c => c.Position));
        Assert.All(ordered, c => Assert.Equal(("recognition", "ru", "recognition"), (c.Queue, c.Language, c.Topic)));
        Assert.Equal(AgentStatus.OnBreak, waiting.Agents.Single(a => a.Extension == "1003").Status);
        Assert.Equal("0502222222", Assert.Single(connected.Callers).Caller);
        Assert.Equal("0501111111", connected.Agents.Single(a => a.Extension == "1003").Card?.Caller);
    }

    [Fact]
    public async Task Desk_change_signal_completes_when_an_agent_changes_status()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn());
        await bed.StartAsync();

        var changed = bed.Dispatcher.WhenDeskChangedAsync(CancellationToken.None);
        var before = changed.IsCompleted;
        await SetAsync(bed, "1002", AgentStatus.Available);
        await changed.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(before);
        Assert.Equal(AgentStatus.Available, (await DeskAsync(bed, "1002"))!.Status);
    }
}
