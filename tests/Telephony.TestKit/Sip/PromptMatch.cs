using System.Buffers.Binary;

namespace Telephony.TestKit.Sip;

/// <summary>
/// Where a known prompt sits in what a phone heard and how well it matches: the 10 ms loudness envelope of the prompt
/// is slid along the heard audio to find the place, then the samples themselves are compared there (within 20 ms).
/// G.711 over loopback RTP keeps the waveform, so a prompt that was really played correlates near 1 sample by sample,
/// while different speech at the same level stays far lower.
/// </summary>
public sealed record PromptMatch(double EnvelopeCorrelation, double SampleCorrelation, TimeSpan At)
{
    private const int SampleRate = 8000;
    private const int Frame = 80;

    /// <summary>Finds <paramref name="prompt"/> in <paramref name="heard"/> (both 8 kHz 16-bit mono WAV files).</summary>
    public static async Task<PromptMatch> FindAsync(string heard, string prompt) =>
        Find(await ReadSamplesAsync(heard), await ReadSamplesAsync(prompt));

    public static PromptMatch Find(short[] heard, short[] prompt)
    {
        ArgumentNullException.ThrowIfNull(heard);
        ArgumentNullException.ThrowIfNull(prompt);
        var heardEnvelope = Envelope(heard);
        var promptEnvelope = Envelope(prompt);
        if (promptEnvelope.Length == 0 || heardEnvelope.Length < promptEnvelope.Length)
        {
            return new PromptMatch(0, 0, TimeSpan.Zero);
        }

        var (bestFrame, bestEnvelope) = (0, double.MinValue);
        for (var lag = 0; lag + promptEnvelope.Length <= heardEnvelope.Length; lag++)
        {
            var r = Correlation(heardEnvelope.AsSpan(lag, promptEnvelope.Length), promptEnvelope);
            if (r > bestEnvelope)
            {
                (bestFrame, bestEnvelope) = (lag, r);
            }
        }

        var promptSamples = prompt.Select(s => (double)s).ToArray();
        var heardSamples = heard.Select(s => (double)s).ToArray();
        var (bestOffset, bestSample) = (bestFrame * Frame, double.MinValue);
        for (var offset = Math.Max(0, (bestFrame * Frame) - (2 * Frame)); offset <= (bestFrame * Frame) + (2 * Frame); offset++)
        {
            if (offset + prompt.Length > heard.Length)
            {
                break;
            }

            var r = Correlation(heardSamples.AsSpan(offset, prompt.Length), promptSamples);
            if (r > bestSample)
            {
                (bestOffset, bestSample) = (offset, r);
            }
        }

        return new PromptMatch(bestEnvelope, bestSample, TimeSpan.FromSeconds(bestOffset / (double)SampleRate));
    }

    /// <summary>The samples of a 16-bit mono PCM WAV file (the data chunk, wherever it is).</summary>
    public static async Task<short[]> ReadSamplesAsync(string wav)
    {
        var bytes = await File.ReadAllBytesAsync(wav);
        var position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position + 4));
            if (id == "data")
            {
                // A recorder killed mid-call may leave the size unwritten; take what is there.
                var length = size <= 0 || position + 8 + size > bytes.Length ? bytes.Length - position - 8 : size;
                var samples = new short[length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(position + 8 + (2 * i)));
                }

                return samples;
            }

            position += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{wav} has no data chunk");
    }

    private static double[] Envelope(short[] samples)
    {
        var frames = new double[samples.Length / Frame];
        for (var f = 0; f < frames.Length; f++)
        {
            double sum = 0;
            for (var i = f * Frame; i < (f + 1) * Frame; i++)
            {
                sum += (double)samples[i] * samples[i];
            }

            frames[f] = Math.Sqrt(sum / Frame);
        }

        return frames;
    }

    /// <summary>Pearson correlation of two equally long series; 0 when either is flat.</summary>
    private static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double meanA = 0, meanB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= a.Length;
        meanB /= b.Length;
        double cov = 0, varA = 0, varB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var da = a[i] - meanA;
            var db = b[i] - meanB;
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }

        return varA <= 0 || varB <= 0 ? 0 : cov / Math.Sqrt(varA * varB);
    }
}
