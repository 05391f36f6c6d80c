namespace Telephony.Calls.Media;

public sealed record ToneAudioSource(ToneKind Kind, TimeSpan Duration) : AudioSource;
