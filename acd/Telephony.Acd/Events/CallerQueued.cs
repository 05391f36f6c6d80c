namespace Telephony.Acd.Events;

public sealed record CallerQueued(string CallId, string QueueId, int Priority, DateTimeOffset EnqueuedAt, DateTimeOffset At) : AcdEvent(At);
