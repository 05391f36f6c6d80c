namespace Telephony.Host.Calls;

/// <summary>One finished call, column for column as call_records stores it (durations in milliseconds).</summary>
public sealed record HotlineCallRecord
{
    public required Guid Id { get; init; }

    public required string SipCallId { get; init; }

    public required string HostId { get; init; }

    public required string Caller { get; init; }

    public required string Dialed { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    public string? Language { get; init; }

    public string? Topic { get; init; }

    public IReadOnlyList<string> IvrPath { get; init; } = [];

    public string? IvrExitNode { get; init; }

    /// <summary>The menu tree the call followed and the published version it kept from its start.</summary>
    public string? IvrTreeId { get; init; }

    public int? IvrTreeVersion { get; init; }

    public string? QueueId { get; init; }

    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>The agent's extension.</summary>
    public string? AgentId { get; init; }

    public DateTimeOffset? AgentAnsweredAt { get; init; }

    public int? WaitMs { get; init; }

    public int? TalkMs { get; init; }

    /// <summary>One of the call_records outcome CHECK values (<see cref="CallOutcomes"/>).</summary>
    public required string Outcome { get; init; }

    public bool ShortAbandon { get; init; }

    public int? SurveyScore { get; init; }

    public bool CallbackRequested { get; init; }

    /// <summary>The queue an agent transferred the caller to (<see cref="QueueId"/> stays the first queue).</summary>
    public string? TransferredTo { get; init; }

    /// <summary>This call is a callback we dialled for <see cref="CallbackOf"/> (call_records.is_callback).</summary>
    public bool IsCallback { get; init; }

    /// <summary>The call whose caller asked for this callback; its callback-made queue event names this call's id.</summary>
    public Guid? CallbackOf { get; init; }

    public long? RtpPacketsIn { get; init; }

    public long? RtpLost { get; init; }

    public double? JitterMs { get; init; }

    public double? Mos { get; init; }
}
