namespace Telephony.Host.Acd;

/// <summary>A queue right now: callers waiting, the longest wait, and the agents who could serve it by state.</summary>
public sealed record QueueLiveSummary(string Queue, int CallersWaiting, double LongestWaitSeconds);
