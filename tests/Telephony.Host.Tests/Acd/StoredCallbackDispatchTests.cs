using System.Collections.Concurrent;
using Telephony.Acd.Agents;
using Telephony.Acd.Store.Callbacks;
using Telephony.Host.Calls;
using Telephony.Host.Tests.Calls;

namespace Telephony.Host.Tests.Acd;

/// <summary>
/// The dispatcher's side of stored callbacks: it writes each request with the caller's place and every outcome, and
/// a callback claimed from the store (as after a restart, or from a dead host) is dialled at that place.
/// </summary>
public sealed class StoredCallbackDispatchTests
{
    private const string CitizenNumber = "0501234567";

    private static HotlineOptions Options() => new()
    {
        HostId = "test",
        Callback = new QueueCallbackOptions { Attempts = 3, RetryInterval = TimeSpan.FromMinutes(5), RingTimeout = TimeSpan.FromSeconds(30) },
    };

    /// <summary>A Russian transfers caller who waits, presses 1 and hangs up after the confirmation.</summary>
    private static async Task<ScriptedCall> LeaveForCallbackAsync(HotlineTestBed bed)
    {
        var caller = bed.Caller(CitizenNumber).Press("2", "3");
        var flow = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller waits in the queue");
        await bed.AdvanceAsync(TimeSpan.FromSeconds(10));
        caller.PressDuringHold("1");
        await bed.AdvanceUntilAsync(() => flow.IsCompleted, "the caller's call ends after the callback request");
        await flow;
        return caller;
    }

    private static async Task LogInAsync(HotlineTestBed bed, string extension) =>
        Assert.Equal(Telephony.Acd.Routing.AcdRejection.None, await bed.Dispatcher.SetAgentStatusAsync(extension, AgentStatus.Available, null, "test", CancellationToken.None));

    [Fact]
    public async Task Request_is_written_with_the_callers_place_then_dialling_and_completed()
    {
        await using var bed = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn(), Options());
        var changes = new ConcurrentQueue<CallbackChange>();
        bed.Dispatcher.OnCallbackChanged(changes.Enqueue);
        await bed.StartAsync();

        var original = await LeaveForCallbackAsync(bed);
        var requested = Assert.Single(changes).Request!;
        var record = Assert.Single(bed.Records.Records);
        Assert.Equal(
            (original.Id, "transfers", CitizenNumber, "ru", "transfers", record.QueuedAt!.Value, 3, TimeSpan.FromMinutes(5)),
            (requested.OriginalCallId, requested.QueueId, requested.Number, requested.Language, requested.Topic, requested.EnqueuedAt, requested.AttemptsAllowed, requested.RetryInterval));
        Assert.NotEmpty(requested.Skills);

        await LogInAsync(bed, "1003");
        var citizenPhone = bed.Backend.Phone(CitizenNumber);
        await bed.AdvanceUntilAsync(() => citizenPhone.Legs.Count == 1 && citizenPhone.Legs[0].Bridges == 1, "the citizen is called back and bridged");
        citizenPhone.Legs[0].HangUpRemotely();
        await bed.AdvanceUntilAsync(() => changes.Count == 3, "the outcome is written");

        Assert.Equal(
            [(CallbackState.Pending, 0), (CallbackState.Dialling, 1), (CallbackState.Completed, 1)],
            changes.Select(c => (c.State, c.AttemptsMade)));
        Assert.All(changes, c => Assert.Equal(original.Id, c.OriginalCallId));
    }

    [Fact]
    public async Task Callback_taken_over_from_the_store_is_dialled_at_its_place_ahead_of_a_later_live_caller()
    {
        // Another host (or this one restarted): nothing of the callback in memory, only the row it claimed.
        await using var bed = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn(), Options());
        var changes = new ConcurrentQueue<CallbackChange>();
        bed.Dispatcher.OnCallbackChanged(changes.Enqueue);
        await bed.StartAsync();
        var live = bed.Caller("0557654321").Press("2", "3");
        var liveFlow = bed.Backend.DialInAsync(live);
        await bed.AdvanceUntilAsync(() => live.OnHold, "a later live caller waits");
        try
        {
            var originalId = Guid.NewGuid();
            var stored = Claimed(originalId, bed.Time.GetUtcNow().AddMinutes(-10));
            Assert.True(stored.EnqueuedAt < (await bed.Dispatcher.GetCallersAsync(CancellationToken.None)).Single().EnqueuedAt);

            Assert.Equal(1, await bed.Dispatcher.RestoreCallbacksAsync([stored with { AttemptsMade = 1 }], CancellationToken.None));
            Assert.Equal(0, await bed.Dispatcher.RestoreCallbacksAsync([stored], CancellationToken.None));
            await bed.AdvanceAsync(TimeSpan.FromSeconds(1));
            var callers = await bed.Dispatcher.GetCallersAsync(CancellationToken.None);
            Assert.Equal(2, callers.Count);
            Assert.Equal(stored.EnqueuedAt, Assert.Single(callers, c => c.CallId == originalId.ToString()).EnqueuedAt);

            await LogInAsync(bed, "1003");
            var citizenPhone = bed.Backend.Phone(CitizenNumber);
            await bed.AdvanceUntilAsync(() => citizenPhone.Legs.Count == 1 && citizenPhone.Legs[0].Bridges == 1, "the citizen is called back first");
            Assert.Equal(0, live.Bridges);
            citizenPhone.Legs[0].HangUpRemotely();
            await bed.AdvanceUntilAsync(() => changes.Any(c => c.State == CallbackState.Completed), "the outcome is written");
            Assert.Equal([(CallbackState.Dialling, 2), (CallbackState.Completed, 2)], changes.Select(c => (c.State, c.AttemptsMade)));
            var made = Assert.Single(bed.Records.Events, e => e.Event == "callback-made");
            Assert.Equal(originalId, made.CallId);
            Assert.Equal(originalId, Assert.Single(bed.Records.Records, r => r.IsCallback).CallbackOf);
            await bed.AdvanceUntilAsync(() => live.Bridges == 1, "the live caller is served next", maxSeconds: 300);
        }
        finally
        {
            // A failed step must not leave the live call up: the bed's shutdown would wait for it forever in fake time.
            live.HangUpRemotely();
            await liveFlow;
        }
    }

    [Fact]
    public async Task Callback_whose_attempts_ran_out_on_a_dead_host_is_given_up_not_dialled()
    {
        await using var bed = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn(), Options());
        var changes = new ConcurrentQueue<CallbackChange>();
        bed.Dispatcher.OnCallbackChanged(changes.Enqueue);
        await bed.StartAsync();
        var stored = Claimed(Guid.NewGuid(), bed.Time.GetUtcNow().AddMinutes(-30)) with { AttemptsMade = 3 };

        Assert.Equal(0, await bed.Dispatcher.RestoreCallbacksAsync([stored], CancellationToken.None));
        await LogInAsync(bed, "1003");
        await bed.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal((CallbackState.GivenUp, 3), changes.Select(c => (c.State, c.AttemptsMade)).Single());
        Assert.Empty(bed.Backend.Rung);
    }

    [Fact]
    public async Task Callback_another_host_owns_now_is_not_dialled_and_the_agent_is_let_go()
    {
        await using var bed = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn(), Options());
        var asked = new ConcurrentQueue<(Guid, int)>();
        bed.Dispatcher.OnCallbackDialling((callId, attempt, _) =>
        {
            asked.Enqueue((callId, attempt));
            return Task.FromResult(false);
        });
        await bed.StartAsync();
        var stored = Claimed(Guid.NewGuid(), bed.Time.GetUtcNow().AddMinutes(-3));
        Assert.Equal(1, await bed.Dispatcher.RestoreCallbacksAsync([stored], CancellationToken.None));

        await LogInAsync(bed, "1003");
        var agentPhone = bed.Backend.Phone("1003");
        await bed.AdvanceUntilAsync(() => agentPhone.Legs.Count == 1 && agentPhone.Legs[0].State == Telephony.Calls.Control.CallState.Ended, "the agent answers and is let go");
        await bed.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal([(stored.OriginalCallId, 1)], asked);
        Assert.DoesNotContain(CitizenNumber, bed.Backend.Rung);
        Assert.Empty(await bed.Dispatcher.GetCallersAsync(CancellationToken.None));
        Assert.DoesNotContain(bed.Records.Events, e => e.Event == "callback-made");
        Assert.Single(agentPhone.Legs);
    }

    /// <summary>A callback as a claim returns it: a Russian transfers caller's, requested on another host.</summary>
    private static StoredCallback Claimed(Guid originalCallId, DateTimeOffset enqueuedAt) => new(
        Guid.NewGuid(), originalCallId, "transfers", CitizenNumber, "ru", "transfers", [], enqueuedAt, 0, 3, TimeSpan.FromMinutes(5))
    {
        NextAttemptAt = enqueuedAt,
        OwnerHostId = "test",
    };
}
