namespace Telephony.Acd.Events;

/// <summary>The caller waited long enough to reach the next relaxation step (1 = the queue's first step).</summary>
public sealed record CallerSkillsRelaxed(string CallId, string QueueId, int Level, DateTimeOffset At) : AcdEvent(At);
