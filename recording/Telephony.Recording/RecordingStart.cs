namespace Telephony.Recording;

/// <summary>Who and what a new recording belongs to, as the call layer knows it at bridge (or at the voicemail beep).</summary>
/// <param name="CallId">The call record's id (<c>call_records.id</c>).</param>
public sealed record RecordingStart(Guid CallId, string? AgentId, string? QueueId, string? Language);
