using Telephony.Acd.Queues;

namespace Telephony.Acd.Routing;

/// <summary>A queue definition plus what the engine tracks for it.</summary>
internal sealed class QueueRuntime(AcdQueue definition)
{
    public AcdQueue Definition { get; } = definition;

    public string Id => Definition.Id;

    public int Priority => Definition.Priority;

    /// <summary>Callers waiting or being offered; compared with MaxLength.</summary>
    public int Length { get; set; }
}
