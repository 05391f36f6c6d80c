using Telephony.Acd.Store.Records;
using Telephony.Host.Calls;

namespace Telephony.Host.Tests.Calls;

public sealed class StoreCallRecordSinkTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CallOutcomes.Answered, CallOutcome.Answered)]
    [InlineData(CallOutcomes.Abandoned, CallOutcome.Abandoned)]
    [InlineData(CallOutcomes.CallbackRequested, CallOutcome.CallbackRequested)]
    [InlineData(CallOutcomes.IvrAbandoned, CallOutcome.IvrAbandoned)]
    [InlineData(CallOutcomes.AfterHours, CallOutcome.AfterHours)]
    public void ToStore_outcome_maps_to_the_store_enum(string outcome, CallOutcome expected)
    {
        var record = StoreCallRecordSink.ToStore(Record() with { Outcome = outcome });

        Assert.Equal(expected, record.Outcome);
    }

    [Fact]
    public void ToStore_record_keeps_every_column_the_flow_fills()
    {
        var stored = StoreCallRecordSink.ToStore(Record());

        Assert.Equal("transfers", stored.QueueId);
        Assert.Equal("1003", stored.AgentId);
        Assert.Equal(2000, stored.WaitMs);
        Assert.Equal(60_000, stored.TalkMs);
        Assert.Equal((short)4, stored.SurveyScore);
        Assert.Equal(["greeting", "queueTransfers"], stored.IvrPath);
        Assert.Equal(1500, stored.RtpPacketsIn);
        Assert.Equal(4.3f, stored.Mos);
    }

    [Fact]
    public void ToStore_queue_event_name_maps_to_its_kind()
    {
        var stored = StoreCallRecordSink.ToStore(new QueueEventRecord(At, Guid.NewGuid(), "transfers", "ring-no-answer", "1003", "test"));

        Assert.Equal(QueueEventKind.RingNoAnswer, stored.Event);
        Assert.Equal(At, stored.At);
    }

    private static HotlineCallRecord Record() => new()
    {
        Id = Guid.NewGuid(),
        SipCallId = "abc",
        HostId = "test",
        Caller = "0501234567",
        Dialed = "100",
        StartedAt = At,
        EndedAt = At.AddMinutes(2),
        IvrPath = ["greeting", "queueTransfers"],
        QueueId = "transfers",
        AgentId = "1003",
        WaitMs = 2000,
        TalkMs = 60_000,
        SurveyScore = 4,
        Outcome = CallOutcomes.Answered,
        RtpPacketsIn = 1500,
        Mos = 4.3,
    };
}
