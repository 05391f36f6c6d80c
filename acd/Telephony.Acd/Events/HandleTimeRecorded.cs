namespace Telephony.Acd.Events;

/// <summary>Talk plus wrap-up of a finished call, as fed into the skill pool's handle-time average.</summary>
public sealed record HandleTimeRecorded(string CallId, string QueueId, string AgentId, TimeSpan HandleTime, DateTimeOffset At) : AcdEvent(At);
