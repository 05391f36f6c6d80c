namespace Telephony.Host.Recording;

/// <summary>One row of the recordings list: the recording, its call's caller and SIP Call-ID, and how far QA got with it.</summary>
public sealed class RecordingListItem
{
    public Guid Id { get; init; }

    /// <summary>The call record's id (<c>call_records.id</c>).</summary>
    public Guid CallId { get; init; }

    public string? SipCallId { get; init; }

    public string? Caller { get; init; }

    /// <summary>The agent's extension.</summary>
    public string? Agent { get; init; }

    public string? Queue { get; init; }

    public string? Language { get; init; }

    public DateTime StartedAt { get; init; }

    public long? DurationMs { get; init; }

    public long? TalkMs { get; init; }

    /// <summary>complete or interrupted.</summary>
    public string Status { get; init; } = string.Empty;

    public bool LengthMismatch { get; init; }

    public bool Encrypted { get; init; }

    public bool LegalHold { get; init; }

    /// <summary>Submitted (or later) evaluations.</summary>
    public int Evaluations { get; init; }

    /// <summary>The most recently submitted evaluation's score, 0–1.</summary>
    public double? LatestScore { get; init; }
}
