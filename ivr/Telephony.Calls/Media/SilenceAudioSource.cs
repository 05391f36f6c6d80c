namespace Telephony.Calls.Media;

public sealed record SilenceAudioSource(TimeSpan Duration) : AudioSource;
