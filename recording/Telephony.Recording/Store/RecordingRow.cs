namespace Telephony.Recording.Store;

/// <summary>One row of <c>recordings</c>. <see cref="Path"/> is relative to the data directory.</summary>
public sealed record RecordingRow
{
    public required Guid Id { get; init; }

    public required Guid CallId { get; init; }

    public required RecordingKind Kind { get; init; }

    public required string HostId { get; init; }

    public string? AgentId { get; init; }

    public string? QueueId { get; init; }

    public string? Language { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public long? DurationMs { get; init; }

    public long? TalkMs { get; init; }

    public long? SizeBytes { get; init; }

    public string? Sha256 { get; init; }

    public string? Codec { get; init; }

    public required string Path { get; init; }

    public required RecordingStatus Status { get; init; }

    public bool LengthMismatch { get; init; }

    public bool LegalHold { get; init; }

    public string? KeyId { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }
}
