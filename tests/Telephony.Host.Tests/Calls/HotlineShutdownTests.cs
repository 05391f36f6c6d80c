using Telephony.Acd.Agents;
using Telephony.Calls.Control;
using Telephony.Host.Acd;
using Telephony.Host.Calls;

namespace Telephony.Host.Tests.Calls;

public sealed class HotlineShutdownTests
{
    [Fact]
    public async Task Hotline_stopping_refuses_new_calls_and_lets_a_call_in_progress_finish()
    {
        await using var bed = new HotlineTestBed(options: new HotlineOptions { HostId = "test", ShutdownGrace = TimeSpan.FromMinutes(5) });
        await bed.StartAsync();
        var talking = bed.Caller().Press("2", "3");
        var flow = bed.Backend.DialInAsync(talking);
        await bed.AdvanceUntilAsync(() => talking.Bridges == 1, "the caller is bridged");

        var stopping = bed.Flow.StopAsync(CancellationToken.None);
        var late = bed.Caller("0559999999");
        await bed.Backend.DialInAsync(late);
        await bed.AdvanceAsync(TimeSpan.FromSeconds(60));
        Assert.False(stopping.IsCompleted);
        talking.HangUpRemotely();
        await flow;
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallRejection.ServiceUnavailable, late.Rejection);
        Assert.Equal(CallOutcomes.Answered, Assert.Single(bed.Records.Records).Outcome);
    }

    [Fact]
    public async Task Hotline_stopping_hangs_up_calls_still_up_when_the_grace_period_ends()
    {
        await using var bed = new HotlineTestBed(
            TestAcd.DemoNobodyLoggedIn(),
            new HotlineOptions { HostId = "test", ShutdownGrace = TimeSpan.FromSeconds(20) });
        await bed.StartAsync();
        var waiting = bed.Caller().Press("2", "3");
        var flow = bed.Backend.DialInAsync(waiting);
        await bed.AdvanceUntilAsync(() => waiting.OnHold, "the caller waits in the queue");

        var stopping = bed.Flow.StopAsync(CancellationToken.None);
        await bed.AdvanceAsync(TimeSpan.FromSeconds(25));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        await flow.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CallState.Ended, waiting.State);
        Assert.True(waiting.HungUpByUs);
        Assert.Single(bed.Records.Records);
        Assert.Equal(AgentStatus.LoggedOut, (await bed.Dispatcher.GetAgentsAsync(CancellationToken.None))[0].Status);
    }
}
