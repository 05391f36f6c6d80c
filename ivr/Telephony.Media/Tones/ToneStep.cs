namespace Telephony.Media.Tones;

/// <summary>One step of a cadence: a tone of one or two frequencies, or silence, for a duration.</summary>
/// <param name="Frequency1">First frequency in Hz, 0 for silence.</param>
/// <param name="Frequency2">Second frequency in Hz, 0 for a single tone.</param>
/// <param name="Duration">How long the step lasts.</param>
public readonly record struct ToneStep(double Frequency1, double Frequency2, TimeSpan Duration)
{
    /// <summary>A single-frequency tone.</summary>
    public static ToneStep Tone(double frequency, int milliseconds) => new(frequency, 0, TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>A dual-frequency tone.</summary>
    public static ToneStep DualTone(double frequency1, double frequency2, int milliseconds) =>
        new(frequency1, frequency2, TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>A pause.</summary>
    public static ToneStep Silence(int milliseconds) => new(0, 0, TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>True when the step is a pause.</summary>
    public bool IsSilence => Frequency1 <= 0 && Frequency2 <= 0;
}
