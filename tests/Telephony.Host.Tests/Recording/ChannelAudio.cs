using Telephony.Media.Wav;

namespace Telephony.Host.Tests.Recording;

/// <summary>The two channels of a stored recording, and how well a stretch of one matches a reference signal.</summary>
internal sealed class ChannelAudio
{
    private ChannelAudio(short[] left, short[] right)
    {
        Left = left;
        Right = right;
    }

    public short[] Left { get; }

    public short[] Right { get; }

    public static ChannelAudio Read(byte[] wav)
    {
        using var reader = WavReader.Open(new MemoryStream(wav));
        Assert.Equal(2, reader.Format.Channels);
        var samples = reader.ReadAllSamples();
        var left = new short[samples.Length / 2];
        var right = new short[samples.Length / 2];
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = samples[2 * i];
            right[i] = samples[(2 * i) + 1];
        }

        return new ChannelAudio(left, right);
    }

    public static short[] ReadMono(string path)
    {
        using var reader = WavReader.Open(path);
        return reader.ReadAllSamples();
    }

    /// <summary>
    /// The best normalised cross-correlation (−1…1) of <paramref name="length"/> samples of <paramref name="signal"/> from
    /// <paramref name="start"/> against the reference at any offset up to <paramref name="maxLag"/>: near 1 when the stretch is
    /// that reference (after G.711 and whatever delay), near 0 for an unrelated signal.
    /// </summary>
    public static double BestCorrelation(short[] signal, int start, int length, short[] reference, int maxLag)
    {
        var best = -1.0;
        for (var lag = 0; lag <= maxLag && lag + length <= reference.Length; lag++)
        {
            double cross = 0, a = 0, b = 0;
            for (var i = 0; i < length; i++)
            {
                double x = signal[start + i];
                double y = reference[lag + i];
                cross += x * y;
                a += x * x;
                b += y * y;
            }

            if (a > 0 && b > 0)
            {
                best = Math.Max(best, cross / Math.Sqrt(a * b));
            }
        }

        return best;
    }

    /// <summary>RMS of a stretch, 0–1 of full scale.</summary>
    public static double Rms(short[] signal, int start, int length)
    {
        double sum = 0;
        for (var i = start; i < start + length; i++)
        {
            sum += (double)signal[i] * signal[i];
        }

        return Math.Sqrt(sum / length) / short.MaxValue;
    }
}
