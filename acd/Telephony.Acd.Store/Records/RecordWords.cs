namespace Telephony.Acd.Store.Records;

/// <summary>The words the database's CHECK constraints accept for outcomes and queue events.</summary>
internal static class RecordWords
{
    public static string Of(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Answered => "answered",
        CallOutcome.Abandoned => "abandoned",
        CallOutcome.Overflowed => "overflowed",
        CallOutcome.Voicemail => "voicemail",
        CallOutcome.CallbackRequested => "callback-requested",
        CallOutcome.IvrCompleted => "ivr-completed",
        CallOutcome.IvrAbandoned => "ivr-abandoned",
        CallOutcome.AfterHours => "after-hours",
        CallOutcome.Rejected => "rejected",
        CallOutcome.Failed => "failed",
        CallOutcome.Transferred => "transferred",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown call outcome."),
    };

    public static string Of(QueueEventKind kind) => kind switch
    {
        QueueEventKind.Joined => "joined",
        QueueEventKind.Offered => "offered",
        QueueEventKind.RingNoAnswer => "ring-no-answer",
        QueueEventKind.Answered => "answered",
        QueueEventKind.Abandoned => "abandoned",
        QueueEventKind.Overflowed => "overflowed",
        QueueEventKind.CallbackRequested => "callback-requested",
        QueueEventKind.CallbackMade => "callback-made",
        QueueEventKind.Transferred => "transferred",
        QueueEventKind.Survey => "survey",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown queue event."),
    };
}
