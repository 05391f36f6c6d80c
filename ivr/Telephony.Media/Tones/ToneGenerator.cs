namespace Telephony.Media.Tones;

/// <summary>
/// A phase-continuous generator of one or two summed sine waves. Each call restarts a second-order
/// recurrence (y[n] = 2cos(w)·y[n-1] − y[n-2]) from the exact phase, so samples cost two
/// multiply-adds instead of a <see cref="Math.Sin(double)"/> and rounding never accumulates
/// across frames.
/// </summary>
public sealed class ToneGenerator
{
    /// <summary>Peak amplitude of a 0 dBm0 sine in 16-bit linear PCM (the G.711 digital milliwatt).</summary>
    public const double ZeroDbm0Amplitude = 22_706;

    private readonly int _sampleRate;
    private double _frequency1;
    private double _frequency2;
    private double _amplitude;
    private double _phase1;
    private double _phase2;

    /// <summary>Creates a silent generator for the given sample rate.</summary>
    public ToneGenerator(int sampleRate = 8000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _sampleRate = sampleRate;
    }

    /// <summary>Converts a level in dBm0 to the peak amplitude of one sine.</summary>
    public static double AmplitudeFromDbm0(double dbm0) => ZeroDbm0Amplitude * Math.Pow(10, dbm0 / 20);

    /// <summary>
    /// Sets the tone: one frequency (pass 0 as <paramref name="frequency2"/>) or two, each at
    /// <paramref name="amplitudePerTone"/>. The phase continues when a frequency stays the same.
    /// </summary>
    public void SetTone(double frequency1, double frequency2, double amplitudePerTone)
    {
        var nyquist = _sampleRate / 2.0;
        if (frequency1 < 0 || frequency1 >= nyquist || frequency2 < 0 || frequency2 >= nyquist)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency1), "Frequencies must lie between 0 and half the sample rate.");
        }

        var peak = amplitudePerTone * ((frequency1 > 0 ? 1 : 0) + (frequency2 > 0 ? 1 : 0));
        if (amplitudePerTone < 0 || peak > short.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(amplitudePerTone), "The summed tones would clip.");
        }

        _frequency1 = frequency1;
        _frequency2 = frequency2;
        _amplitude = amplitudePerTone;
    }

    /// <summary>Writes the next samples of the tone (silence when no frequency is set).</summary>
    public void Generate(Span<short> samples)
    {
        samples.Clear();
        _phase1 = AddSine(samples, _frequency1, _phase1);
        _phase2 = AddSine(samples, _frequency2, _phase2);
    }

    private double AddSine(Span<short> samples, double frequency, double phase)
    {
        if (frequency <= 0 || samples.IsEmpty)
        {
            return phase;
        }

        var step = 2 * Math.PI * frequency / _sampleRate;
        var coefficient = 2 * Math.Cos(step);
        var previous = _amplitude * Math.Sin(phase - step);
        var current = _amplitude * Math.Sin(phase);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)Math.Clamp(samples[i] + Math.Round(current), short.MinValue, short.MaxValue);
            var next = (coefficient * current) - previous;
            previous = current;
            current = next;
        }

        return Math.IEEERemainder(phase + (step * samples.Length), 2 * Math.PI);
    }
}
