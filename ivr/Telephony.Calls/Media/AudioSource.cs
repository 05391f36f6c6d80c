namespace Telephony.Calls.Media;

/// <summary>Something to play to a caller: a prepared audio file, a tone, or silence. Prompts are rendered to files ahead of calls.</summary>
public abstract record AudioSource
{
    public static AudioSource File(string path) => new FileAudioSource(path);

    public static AudioSource Tone(ToneKind kind, TimeSpan duration) => new ToneAudioSource(kind, duration);

    public static AudioSource Silence(TimeSpan duration) => new SilenceAudioSource(duration);
}
