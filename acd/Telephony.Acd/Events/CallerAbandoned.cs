namespace Telephony.Acd.Events;

public sealed record CallerAbandoned(string CallId, string QueueId, TimeSpan Waited, DateTimeOffset At) : AcdEvent(At);
