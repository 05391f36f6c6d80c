using System.Text.Json;
using Telephony.Acd.Events;
using Telephony.Acd.Queues;
using Telephony.Acd.Store.Records;

namespace Telephony.Acd.Store.Tests.Records;

public sealed class QueueEventMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Call = Guid.Parse("0193a6e0-0000-7000-8000-00000000000a");

    [Fact]
    public void From_caller_events_makes_rows_with_kind_agent_and_detail()
    {
        var joined = QueueEventMapper.From(new CallerQueued("c", "transfers", 2, At, At), Call, "host-1")!;
        var offered = QueueEventMapper.From(new AgentOffered("1001", "c", "transfers", At.AddSeconds(15), At), Call, "host-1")!;
        var rangOut = QueueEventMapper.From(new OfferTimedOut("1001", "c", 2, At), Call, "host-1", "transfers")!;
        var answered = QueueEventMapper.From(new CallerAnswered("c", "transfers", "1002", TimeSpan.FromSeconds(12.5), true, At), Call, "host-1")!;
        var overflowed = QueueEventMapper.From(
            new CallerOverflowed("c", "transfers", OverflowReason.MaxWaitReached, OverflowTarget.ToQueue("general"), TimeSpan.FromSeconds(300), At), Call, "host-1")!;

        Assert.Equal((QueueEventKind.Joined, null, "transfers", Call, "host-1", At), (joined.Event, joined.AgentId, joined.QueueId, joined.CallId, joined.HostId, joined.At));
        Assert.Equal(2, JsonDocument.Parse(joined.DetailJson!).RootElement.GetProperty("priority").GetInt32());
        Assert.Equal((QueueEventKind.Offered, "1001", null), (offered.Event, offered.AgentId, offered.DetailJson));
        Assert.Equal((QueueEventKind.RingNoAnswer, "transfers"), (rangOut.Event, rangOut.QueueId));
        Assert.Equal("""{"waitedSeconds":12.5,"withinServiceLevel":true}""", answered.DetailJson);
        Assert.Equal("""{"reason":"maxWaitReached","target":"queue","targetQueue":"general","waitedSeconds":300}""", overflowed.DetailJson);
        Assert.NotEqual(joined.EventId, offered.EventId);
    }

    [Fact]
    public void From_ring_out_without_the_queue_or_a_non_caller_event_makes_no_row()
    {
        Assert.Null(QueueEventMapper.From(new OfferTimedOut("1001", "c", 1, At), Call, "host-1"));
        Assert.Null(QueueEventMapper.From(new OfferWithdrawn("1001", "c", At), Call, "host-1"));
        Assert.Null(QueueEventMapper.CallIdOf(new OfferWithdrawn("1001", "c", At)));
        Assert.Equal("c", QueueEventMapper.CallIdOf(new CallerAbandoned("c", "q", TimeSpan.Zero, At)));
    }
}
