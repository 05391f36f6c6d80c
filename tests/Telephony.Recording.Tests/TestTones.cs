namespace Telephony.Recording.Tests;

/// <summary>Deterministic test signals: sample <c>n</c> of a tone is a pure function of <c>n</c>, so alignment is checkable exactly.</summary>
internal static class TestTones
{
    public static short Sample(double frequency, long n) => (short)Math.Round(8000 * Math.Sin(2 * Math.PI * frequency * n / 8000.0));

    public static short[] Chunk(double frequency, long start, int count)
    {
        var samples = new short[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = Sample(frequency, start + i);
        }

        return samples;
    }
}
