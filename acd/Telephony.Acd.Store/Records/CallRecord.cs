namespace Telephony.Acd.Store.Records;

/// <summary>
/// One row of call_records, filled by the host when a call ends. Times are UTC; durations in milliseconds.
/// <see cref="Id"/> is made by the host (e.g. <c>Guid.CreateVersion7</c>) and makes a replayed write a no-op.
/// </summary>
public sealed record CallRecord
{
    public required Guid Id { get; init; }

    public required string SipCallId { get; init; }

    public required string HostId { get; init; }

    /// <summary>The caller's number or SIP user.</summary>
    public required string Caller { get; init; }

    /// <summary>The user part of the request URI the citizen dialled.</summary>
    public required string Dialed { get; init; }

    /// <summary>When the INVITE arrived.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the IVR answered.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>az, ru or en as chosen in the IVR.</summary>
    public string? Language { get; init; }

    /// <summary>The topic chosen in the IVR ("transfers"), or set at wrap-up.</summary>
    public string? Topic { get; init; }

    /// <summary>Menu node ids in the order the caller went through them.</summary>
    public IReadOnlyList<string> IvrPath { get; init; } = [];

    /// <summary>The last node before the call left the menu.</summary>
    public string? IvrExitNode { get; init; }

    /// <summary>The menu tree the call followed.</summary>
    public string? IvrTreeId { get; init; }

    /// <summary>The published version of that tree the call kept from its start.</summary>
    public int? IvrTreeVersion { get; init; }

    public string? QueueId { get; init; }

    public DateTimeOffset? QueuedAt { get; init; }

    public string? AgentId { get; init; }

    public DateTimeOffset? AgentAnsweredAt { get; init; }

    /// <summary>From joining the queue to the agent's answer, or to abandoning.</summary>
    public int? WaitMs { get; init; }

    /// <summary>From the agent's answer to the end of the conversation.</summary>
    public int? TalkMs { get; init; }

    public int? WrapUpMs { get; init; }

    public required CallOutcome Outcome { get; init; }

    public bool ShortAbandon { get; init; }

    /// <summary>The agent's wrap-up code.</summary>
    public string? Disposition { get; init; }

    public string? Notes { get; init; }

    /// <summary>The citizen's 1–5 survey answer.</summary>
    public short? SurveyScore { get; init; }

    public bool CallbackRequested { get; init; }

    public bool CallbackMade { get; init; }

    /// <summary>This call is a callback we dialled.</summary>
    public bool IsCallback { get; init; }

    public string? TransferredTo { get; init; }

    public Guid? RecordingId { get; init; }

    public int? RtpPacketsIn { get; init; }

    public int? RtpLost { get; init; }

    public float? JitterMs { get; init; }

    public float? Mos { get; init; }
}
