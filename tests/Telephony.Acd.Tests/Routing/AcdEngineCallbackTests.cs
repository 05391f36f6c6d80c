using Telephony.Acd.Queues;
using Telephony.Acd.Routing;
using static Telephony.Acd.Tests.Routing.AcdTestBed;

namespace Telephony.Acd.Tests.Routing;

public sealed class AcdEngineCallbackTests
{
    [Fact]
    public void MarkCallback_caller_keeps_its_place_ahead_of_a_later_live_caller()
    {
        var bed = new AcdTestBed(Queue("q"));
        bed.AddLoggedOut("a1", (Ru, 5));
        bed.Enqueue("callback", "q");
        Assert.True(bed.Engine.MarkCallback("callback").Accepted);
        bed.AdvanceSeconds(30);
        bed.Enqueue("live", "q");

        bed.Engine.LogIn("a1");

        Assert.Equal("a1", bed.OfferedTo("callback"));
        Assert.Null(bed.OfferedTo("live"));
    }

    [Fact]
    public void MarkCallback_caller_does_not_overflow_at_max_wait()
    {
        var bed = new AcdTestBed(Queue("q") with { MaxWait = TimeSpan.FromSeconds(60), Overflow = OverflowTarget.Voicemail });
        bed.Enqueue("callback", "q");
        bed.Engine.MarkCallback("callback");

        var result = bed.AdvanceSeconds(600);

        Assert.DoesNotContain(result.Commands, command => command is OverflowCaller);
        Assert.NotNull(bed.Engine.GetCaller("callback"));
    }

    [Fact]
    public void Enqueue_callback_retry_past_max_wait_keeps_original_enqueue_time()
    {
        var bed = new AcdTestBed(Queue("q") with { MaxWait = TimeSpan.FromSeconds(60), Overflow = OverflowTarget.Voicemail });
        var firstJoined = bed.Time.GetUtcNow();
        bed.AdvanceSeconds(600);
        bed.Enqueue("live", "q");

        var result = bed.Engine.Enqueue(new EnqueueRequest("retry", "q", [], 0, firstJoined, IsCallback: true));

        Assert.True(result.Accepted);
        Assert.DoesNotContain(result.Commands, command => command is OverflowCaller);
        Assert.Equal(firstJoined, bed.Engine.GetCaller("retry")!.EnqueuedAt);
        bed.Agent("a1", (Ru, 5));
        Assert.Equal("a1", bed.OfferedTo("retry"));
    }

    [Fact]
    public void MarkCallback_unknown_call_is_rejected()
    {
        var bed = new AcdTestBed(Queue("q"));

        Assert.Equal(AcdRejection.UnknownCall, bed.Engine.MarkCallback("nobody").Rejection);
    }
}
