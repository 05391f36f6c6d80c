namespace Telephony.Calls.Media;

/// <summary>A WAV file: 8 kHz mono, PCM 16-bit or G.711.</summary>
public sealed record FileAudioSource(string Path) : AudioSource;
