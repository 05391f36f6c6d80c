namespace Telephony.Acd.Events;

public sealed record CallerAnswered(
    string CallId,
    string QueueId,
    string AgentId,
    TimeSpan Waited,
    bool WithinServiceLevel,
    DateTimeOffset At) : AcdEvent(At);
