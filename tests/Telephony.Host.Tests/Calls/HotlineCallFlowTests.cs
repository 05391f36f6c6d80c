using Telephony.Acd.Agents;
using Telephony.Acd.Store.Records;
using Telephony.Calls.Control;
using Telephony.Host.Acd;
using Telephony.Host.Calls;

namespace Telephony.Host.Tests.Calls;

public sealed class HotlineCallFlowTests
{
    private static AcdConfiguration NobodyLoggedIn() => TestAcd.DemoNobodyLoggedIn();

    private static async Task LogInAsync(HotlineTestBed bed, params string[] extensions)
    {
        foreach (var extension in extensions)
        {
            Assert.Equal(Telephony.Acd.Routing.AcdRejection.None, await bed.Dispatcher.SetAgentStatusAsync(extension, AgentStatus.Available, null, "test", CancellationToken.None));
        }
    }

    [Fact]
    public async Task Hotline_caller_choosing_russian_transfers_is_bridged_with_the_best_qualified_agent_and_recorded_as_answered()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn());
        await bed.StartAsync();

        // 1002 (ru 7, transfers 7) idles longest, but 1001 (ru 8, transfers 8) matches better; 1003 and 1004 lack the skills.
        await LogInAsync(bed, "1002");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(10));
        await LogInAsync(bed, "1001", "1003", "1004");
        var caller = bed.Caller().Press("2", "3");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.Bridges == 1, "the caller is bridged");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(60));
        caller.HangUpRemotely();
        await flow;

        Assert.Equal(["1001"], bed.Backend.Rung);
        var agentLeg = Assert.Single(bed.Backend.Phone("1001").Legs);
        Assert.Equal((caller.Id, "transfers", "1001"), Assert.Single(bed.Taps.Created));
        Assert.Equal(CallState.Ended, agentLeg.State);
        Assert.True(agentLeg.HungUpByUs);
        var record = Assert.Single(bed.Records.Records);
        Assert.Equal(CallOutcomes.Answered, record.Outcome);
        Assert.Equal("transfers", record.QueueId);
        Assert.Equal("1001", record.AgentId);
        Assert.Equal("ru", record.Language);
        Assert.Equal("transfers", record.Topic);
        Assert.Equal(["greeting", "language", "hours", "topics", "queueTransfers"], record.IvrPath);
        Assert.Equal("queueTransfers", record.IvrExitNode);
        Assert.Equal(("edu-hotline", 1), (record.IvrTreeId, record.IvrTreeVersion));
        Assert.InRange(record.WaitMs!.Value, 2000, 3000);
        Assert.InRange(record.TalkMs!.Value, 60_000, 61_000);
        Assert.Equal(caller.ProtocolCallId, record.SipCallId);
        Assert.Equal(1500, record.RtpPacketsIn);
        Assert.False(record.ShortAbandon);
        Assert.Empty(bed.Records.Events);
        await HotlineTestBed.EventuallyAsync(() => bed.AcdEvents.KindsFor(caller.Id).Count == 3, "the queue events are recorded");
        Assert.Equal([QueueEventKind.Joined, QueueEventKind.Offered, QueueEventKind.Answered], bed.AcdEvents.KindsFor(caller.Id));
        Assert.All(bed.AcdEvents.QueueEvents, e => Assert.Equal("transfers", e.QueueId));
        Assert.Equal(new string?[] { null, "1001", "1001" }, bed.AcdEvents.QueueEvents.Select(e => e.AgentId));
    }

    [Fact]
    public async Task Hotline_agent_not_answering_is_passed_over_for_the_next_agent_and_paused_at_the_no_answer_limit()
    {
        var configuration = NobodyLoggedIn();
        configuration = configuration with
        {
            Queues = [.. configuration.Queues.Select(queue => queue with { NoAnswerLimit = 1, RingTimeout = TimeSpan.FromSeconds(15) })],
        };
        await using var bed = new HotlineTestBed(configuration);
        await bed.StartAsync();
        bed.Backend.Phone("1003").AnswerAfter = null;
        await LogInAsync(bed, "1003");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(5));
        await LogInAsync(bed, "1001");

        // Russian, recognition: 1003 (ru 10, recognition 9) is offered first, then 1001 (ru 8, recognition 8).
        var caller = bed.Caller().Press("2", "4");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.Bridges == 1, "the caller is bridged with the second agent");
        caller.HangUpRemotely();
        await flow;

        Assert.Equal(["1003", "1001"], bed.Backend.Rung);
        var missed = Assert.Single(await bed.Dispatcher.GetAgentsAsync(CancellationToken.None), agent => agent.Extension == "1003");
        Assert.Equal(AgentStatus.OnBreak, missed.Status);
        Assert.Equal("no answer", missed.BreakReason);
        Assert.Equal("1001", Assert.Single(bed.Records.Records).AgentId);
        Assert.Equal(
            new (QueueEventKind, string?)[]
            {
                (QueueEventKind.Joined, null), (QueueEventKind.Offered, "1003"), (QueueEventKind.RingNoAnswer, "1003"), (QueueEventKind.Offered, "1001"), (QueueEventKind.Answered, "1001"),
            },
            bed.AcdEvents.QueueEvents.Where(e => e.CallId == caller.Id).Select(e => (e.Event, e.AgentId)));
        Assert.Equal("recognition", bed.AcdEvents.QueueEvents.Single(e => e.Event == QueueEventKind.RingNoAnswer).QueueId);
        Assert.Contains(bed.AcdEvents.StatusLog, e => e.AgentId == "1003" && e.Kind == "status" && e.Value == "onBreak" && e.Reason == "no answer");
    }

    [Fact]
    public async Task Hotline_caller_hanging_up_while_queued_is_recorded_abandoned_with_the_wait()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn());
        await bed.StartAsync();
        var caller = bed.Caller().Press("2", "3");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller hears music on hold");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(40));
        caller.HangUpRemotely();
        await flow;

        var record = Assert.Single(bed.Records.Records);
        Assert.Equal(CallOutcomes.Abandoned, record.Outcome);
        Assert.Equal("transfers", record.QueueId);
        Assert.InRange(record.WaitMs!.Value, 40_000, 41_000);
        Assert.False(record.ShortAbandon);
        Assert.Null(record.AgentId);
        Assert.Empty(await bed.Dispatcher.GetCallersAsync(CancellationToken.None));
        Assert.Empty(bed.Backend.Rung);
        Assert.Equal([QueueEventKind.Joined, QueueEventKind.Abandoned], bed.AcdEvents.KindsFor(caller.Id));
    }

    [Fact]
    public async Task Hotline_caller_waiting_hears_position_and_estimated_wait_in_their_language()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn(), new HotlineOptions { HostId = "test", AnnouncementInterval = TimeSpan.FromSeconds(30) });
        await bed.StartAsync();
        await LogInAsync(bed, "1004");
        var caller = bed.Caller().Press("2", "3");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.Played.Any(p => p.StartsWith("say.ru.Number.", StringComparison.Ordinal)), "the position is announced");
        caller.HangUpRemotely();
        await flow;

        Assert.Contains("say.ru.Number.1", caller.Played);
    }

    [Fact]
    public async Task Hotline_agent_hanging_up_first_runs_the_survey_and_its_score_lands_in_the_record()
    {
        await using var bed = new HotlineTestBed(NobodyLoggedIn());
        await bed.StartAsync();
        await LogInAsync(bed, "1002");
        var caller = bed.Caller().Press("2", "3", "4");

        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.Bridges == 1, "the caller is bridged");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Single(bed.Backend.Phone("1002").Legs).HangUpRemotely();
        await flow;

        var record = Assert.Single(bed.Records.Records);
        Assert.Equal(CallOutcomes.Answered, record.Outcome);
        Assert.Equal(4, record.SurveyScore);
        Assert.Equal("queueTransfers", record.IvrExitNode);
        Assert.Contains("survey", record.IvrPath);
        Assert.True(caller.HungUpByUs);
        Assert.Contains(bed.Records.Events, e => e.Event == "survey");
    }

    [Fact]
    public async Task Hotline_call_to_another_number_is_rejected_not_found()
    {
        await using var bed = new HotlineTestBed();
        await bed.StartAsync();
        var caller = bed.Caller(to: "555");

        await bed.Backend.DialInAsync(caller);

        Assert.Equal(CallRejection.NotFound, caller.Rejection);
        Assert.Empty(bed.Records.Records);
    }
}
