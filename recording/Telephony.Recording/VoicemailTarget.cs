namespace Telephony.Recording;

/// <summary>Where the call layer records a voicemail (mono WAV), and the recording id to complete afterwards.</summary>
public sealed record VoicemailTarget(Guid RecordingId, string Path);
