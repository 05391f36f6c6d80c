using System.Diagnostics.Metrics;
using Telephony.Acd.Agents;
using Telephony.Host.Acd;
using Telephony.Host.Tests.Calls;

namespace Telephony.Host.Tests.Acd;

public sealed class AcdWatchdogTests
{
    [Fact]
    public async Task Repair_queued_caller_whose_leg_vanished_without_an_end_event_is_abandoned_and_counted()
    {
        using var listener = new MeterListener();
        long counted = 0;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AcdRepairMetrics.MeterName && instrument.Name == "telephony.acd.repairs")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        await using var bed = new HotlineTestBed(TestAcd.DemoNobodyLoggedIn());
        await bed.StartAsync();
        var caller = bed.Caller().Press("2", "3");
        _ = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.OnHold, "the caller waits in the queue");
        Assert.Single(await bed.Dispatcher.GetCallersAsync(CancellationToken.None));

        caller.DropSilently();
        var repairs = await bed.Dispatcher.RepairAsync(CancellationToken.None);

        Assert.Equal(1, repairs);
        Assert.Empty(await bed.Dispatcher.GetCallersAsync(CancellationToken.None));
        Assert.Equal(1, Interlocked.Read(ref counted));
        caller.HangUpRemotely();
    }

    [Fact]
    public async Task Repair_agent_on_a_call_whose_legs_both_vanished_goes_to_wrap_up()
    {
        await using var bed = new HotlineTestBed(TestAcd.Demo() with { InitiallyAvailable = ["1004"] });
        await bed.StartAsync();
        var caller = bed.Caller().Press("1", "2");
        _ = bed.Backend.DialInAsync(caller);
        await bed.AdvanceUntilAsync(() => caller.Bridges == 1, "the caller is bridged");
        Assert.Equal(AgentState.OnCall, (await bed.Dispatcher.GetAgentsAsync(CancellationToken.None)).Single(a => a.Extension == "1004").State);

        caller.DropSilently();
        bed.Backend.Phone("1004").Legs.Single().DropSilently();
        var repairs = await bed.Dispatcher.RepairAsync(CancellationToken.None);

        Assert.Equal(1, repairs);
        Assert.Equal(AgentState.WrapUp, (await bed.Dispatcher.GetAgentsAsync(CancellationToken.None)).Single(a => a.Extension == "1004").State);
        Assert.Equal(0, await bed.Dispatcher.RepairAsync(CancellationToken.None));
        caller.HangUpRemotely();
    }

    [Fact]
    public async Task Repair_consistent_dispatcher_changes_nothing()
    {
        await using var bed = new HotlineTestBed();
        await bed.StartAsync();

        Assert.Equal(0, await bed.Dispatcher.RepairAsync(CancellationToken.None));
    }
}
