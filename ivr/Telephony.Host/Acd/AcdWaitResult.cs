using Telephony.Acd.Queues;
using Telephony.Calls.Control;

namespace Telephony.Host.Acd;

/// <summary>The end of a caller's wait: who answered (with the agent's leg, already bridged), or why nobody did.</summary>
public sealed record AcdWaitResult(AcdWaitOutcome Outcome, string QueueId, TimeSpan Waited)
{
    public ICall? AgentLeg { get; init; }

    public string? AgentExtension { get; init; }

    /// <summary>Set for <see cref="AcdWaitOutcome.Overflowed"/>.</summary>
    public OverflowTarget? Overflow { get; init; }
}
