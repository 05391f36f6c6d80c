namespace Telephony.Host.Calls;

/// <summary>One acd_queue_events row the call flow writes (survey, callback requested and made); the dispatcher writes the others.</summary>
public sealed record QueueEventRecord(DateTimeOffset At, Guid CallId, string QueueId, string Event, string? AgentId, string HostId)
{
    /// <summary>A JSON object with the event's particulars (a callback's attempt and outcome), or null.</summary>
    public string? DetailJson { get; init; }
}
