using Telephony.Acd.Queues;

namespace Telephony.Acd.Routing;

/// <summary>The caller left the queue for its overflow target (for a queue target the host enqueues it there).</summary>
public sealed record OverflowCaller(string CallId, string QueueId, OverflowReason Reason, OverflowTarget Target) : AcdCommand;
