using Telephony.Acd.Queues;

namespace Telephony.Acd.Events;

public sealed record CallerOverflowed(
    string CallId,
    string QueueId,
    OverflowReason Reason,
    OverflowTarget Target,
    TimeSpan Waited,
    DateTimeOffset At) : AcdEvent(At);
