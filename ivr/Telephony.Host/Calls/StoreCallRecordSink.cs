using Telephony.Acd.Store.Records;

namespace Telephony.Host.Calls;

/// <summary>
/// Hands finished calls to the ACD store's spooled writers (call_records and acd_queue_events): the writers buffer and
/// batch, so the call never waits on the database.
/// </summary>
public sealed class StoreCallRecordSink(CallRecordWriter records, QueueEventWriter events) : ICallRecordSink
{
    public ValueTask WriteAsync(HotlineCallRecord record, IReadOnlyList<QueueEventRecord> queueEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(queueEvents);
        records.Write(ToStore(record));
        foreach (var queueEvent in queueEvents)
        {
            events.Write(ToStore(queueEvent));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask WriteEventsAsync(IReadOnlyList<QueueEventRecord> queueEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queueEvents);
        foreach (var queueEvent in queueEvents)
        {
            events.Write(ToStore(queueEvent));
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await records.FlushAsync(cancellationToken).ConfigureAwait(false);
        await events.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static CallRecord ToStore(HotlineCallRecord record) => new()
    {
        Id = record.Id,
        SipCallId = record.SipCallId,
        HostId = record.HostId,
        Caller = record.Caller,
        Dialed = record.Dialed,
        StartedAt = record.StartedAt,
        AnsweredAt = record.AnsweredAt,
        EndedAt = record.EndedAt,
        Language = record.Language,
        Topic = record.Topic,
        IvrPath = record.IvrPath,
        IvrExitNode = record.IvrExitNode,
        IvrTreeId = record.IvrTreeId,
        IvrTreeVersion = record.IvrTreeVersion,
        QueueId = record.QueueId,
        QueuedAt = record.QueuedAt,
        AgentId = record.AgentId,
        AgentAnsweredAt = record.AgentAnsweredAt,
        WaitMs = record.WaitMs,
        TalkMs = record.TalkMs,
        Outcome = Outcome(record.Outcome),
        ShortAbandon = record.ShortAbandon,
        SurveyScore = record.SurveyScore is { } score ? (short)score : null,
        CallbackRequested = record.CallbackRequested,
        TransferredTo = record.TransferredTo,
        IsCallback = record.IsCallback,
        RtpPacketsIn = record.RtpPacketsIn is { } packets ? (int)Math.Min(packets, int.MaxValue) : null,
        RtpLost = record.RtpLost is { } lost ? (int)Math.Min(lost, int.MaxValue) : null,
        JitterMs = record.JitterMs is { } jitter ? (float)jitter : null,
        Mos = record.Mos is { } mos ? (float)mos : null,
    };

    internal static QueueEvent ToStore(QueueEventRecord queueEvent) => new(
        Guid.CreateVersion7(queueEvent.At), queueEvent.At, queueEvent.CallId, queueEvent.QueueId, Kind(queueEvent.Event), queueEvent.AgentId, queueEvent.HostId, queueEvent.DetailJson);

    private static CallOutcome Outcome(string outcome) => outcome switch
    {
        CallOutcomes.Answered => CallOutcome.Answered,
        CallOutcomes.Abandoned => CallOutcome.Abandoned,
        CallOutcomes.Overflowed => CallOutcome.Overflowed,
        CallOutcomes.Voicemail => CallOutcome.Voicemail,
        CallOutcomes.CallbackRequested => CallOutcome.CallbackRequested,
        CallOutcomes.IvrCompleted => CallOutcome.IvrCompleted,
        CallOutcomes.IvrAbandoned => CallOutcome.IvrAbandoned,
        CallOutcomes.AfterHours => CallOutcome.AfterHours,
        CallOutcomes.Rejected => CallOutcome.Rejected,
        CallOutcomes.Transferred => CallOutcome.Transferred,
        _ => CallOutcome.Failed,
    };

    private static QueueEventKind Kind(string name) => name switch
    {
        "joined" => QueueEventKind.Joined,
        "offered" => QueueEventKind.Offered,
        "ring-no-answer" => QueueEventKind.RingNoAnswer,
        "answered" => QueueEventKind.Answered,
        "abandoned" => QueueEventKind.Abandoned,
        "overflowed" => QueueEventKind.Overflowed,
        "callback-requested" => QueueEventKind.CallbackRequested,
        "callback-made" => QueueEventKind.CallbackMade,
        "transferred" => QueueEventKind.Transferred,
        "survey" => QueueEventKind.Survey,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an acd_queue_events event."),
    };
}
