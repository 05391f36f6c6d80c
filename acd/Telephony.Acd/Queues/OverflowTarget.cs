namespace Telephony.Acd.Queues;

/// <summary>Where a caller goes when a queue cannot take or keep them.</summary>
public sealed record OverflowTarget
{
    private OverflowTarget(OverflowKind kind, string? queueId)
    {
        Kind = kind;
        QueueId = queueId;
    }

    public static OverflowTarget Voicemail { get; } = new(OverflowKind.Voicemail, null);

    public static OverflowTarget Callback { get; } = new(OverflowKind.Callback, null);

    public OverflowKind Kind { get; }

    /// <summary>The target queue when <see cref="Kind"/> is Queue.</summary>
    public string? QueueId { get; }

    public static OverflowTarget ToQueue(string queueId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueId);
        return new OverflowTarget(OverflowKind.Queue, queueId);
    }
}
