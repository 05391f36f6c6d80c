using Telephony.Acd.Routing;
using static Telephony.Acd.Tests.Routing.AcdTestBed;

namespace Telephony.Acd.Tests.Routing;

public sealed class AcdEngineEstimateTests
{
    [Fact]
    public void EstimateWait_uses_initial_handle_time_position_and_available_qualified_agents()
    {
        var bed = new AcdTestBed(Queue("q", Need(Transfers)) with { InitialHandleTime = TimeSpan.FromMinutes(4) });
        bed.Agent("a1", (Ru, 5), (Transfers, 5));
        bed.Agent("a2", (Ru, 5), (Transfers, 5));
        bed.Agent("az", (Az, 5), (Transfers, 5));
        bed.Enqueue("busy1", "q", Need(Ru));
        bed.Enqueue("busy2", "q", Need(Ru));
        bed.Connect("busy1");
        bed.Connect("busy2");
        bed.Enqueue("c1", "q", Need(Ru));
        bed.Enqueue("c2", "q", Need(Ru));
        bed.Enqueue("c3", "q", Need(Ru));

        var estimate = bed.Engine.EstimateWait("c3")!;

        Assert.Equal("ru", estimate.Language);
        Assert.Equal(3, estimate.Position);
        Assert.Equal(3, estimate.WaitingInPool);
        Assert.Equal(2, estimate.StaffedAgents);
        Assert.Equal(TimeSpan.FromMinutes(6), estimate.EstimatedWait);
    }

    [Fact]
    public void EstimateWait_follows_measured_handle_times_of_the_pool()
    {
        var bed = new AcdTestBed(Queue("q") with { InitialHandleTime = TimeSpan.FromMinutes(4), WrapUp = TimeSpan.FromSeconds(20) });
        bed.Agent("a1", (Ru, 5));
        bed.Enqueue("first", "q", Need(Ru));
        bed.Connect("first");
        bed.AdvanceSeconds(100);
        bed.Engine.Hangup("first");
        bed.AdvanceSeconds(20);
        bed.Enqueue("busy", "q", Need(Ru));
        bed.Connect("busy");
        bed.Enqueue("c1", "q", Need(Ru));

        var estimate = bed.Engine.EstimateWait("c1")!;

        Assert.Equal(TimeSpan.FromSeconds(120), estimate.AverageHandleTime);
        Assert.Equal(TimeSpan.FromSeconds(120), estimate.EstimatedWait);
    }

    [Fact]
    public void EstimateWait_nobody_available_gives_no_estimate_and_offered_caller_is_position_zero()
    {
        var bed = new AcdTestBed(Queue("q"));
        bed.Enqueue("c1", "q", Need(En));
        Assert.Null(bed.Engine.EstimateWait("c1")!.EstimatedWait);
        Assert.Equal(1, bed.Engine.EstimateWait("c1")!.Position);

        bed.Agent("a1", (En, 5));

        var offered = bed.Engine.EstimateWait("c1")!;
        Assert.Equal(0, offered.Position);
        Assert.Equal(TimeSpan.Zero, offered.EstimatedWait);
        Assert.Null(bed.Engine.EstimateWait("unknown"));
    }

    [Fact]
    public void EstimateWait_higher_priority_caller_is_ahead()
    {
        var bed = new AcdTestBed(Queue("q"));
        bed.Enqueue("normal", "q", Need(Ru));
        bed.Enqueue("vip", "q", 3, Need(Ru));

        Assert.Equal(1, bed.Engine.EstimateWait("vip")!.Position);
        Assert.Equal(2, bed.Engine.EstimateWait("normal")!.Position);
    }
}
