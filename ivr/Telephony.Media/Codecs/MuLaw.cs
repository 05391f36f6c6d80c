namespace Telephony.Media.Codecs;

/// <summary>
/// ITU-T G.711 mu-law companding between 16-bit linear PCM and 8-bit code words, by lookup table.
/// The quantisation follows the ITU-T G.191 reference: a negative sample is folded with one's
/// complement so the decision thresholds sit symmetrically around -1/2, and decoding yields the
/// midpoint of each interval scaled to 16 bits (0xFF and 0x7F decode to 0, 0x80 to 32124).
/// </summary>
public static class MuLaw
{
    // 14-bit magnitudes are biased by 33 so that every segment spans a power of two.
    private const int Bias = 33;
    private const int MaxBiasedMagnitude = 0x1FFF;

    private static readonly short[] DecodeTable = BuildDecodeTable();
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    /// <summary>The code word for silence (linear 0).</summary>
    public const byte Silence = 0xFF;

    /// <summary>Encodes one linear sample.</summary>
    public static byte Encode(short sample) => EncodeTable[(ushort)sample];

    /// <summary>Decodes one code word.</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="samples"/> into <paramref name="codes"/>, one byte per sample.</summary>
    /// <returns>The number of bytes written (the sample count).</returns>
    public static int Encode(ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (codes.Length < samples.Length)
        {
            ThrowDestinationTooShort(nameof(codes));
        }

        var table = EncodeTable;
        for (var i = 0; i < samples.Length; i++)
        {
            codes[i] = table[(ushort)samples[i]];
        }

        return samples.Length;
    }

    /// <summary>Decodes <paramref name="codes"/> into <paramref name="samples"/>, one sample per byte.</summary>
    /// <returns>The number of samples written (the byte count).</returns>
    public static int Decode(ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (samples.Length < codes.Length)
        {
            ThrowDestinationTooShort(nameof(samples));
        }

        var table = DecodeTable;
        for (var i = 0; i < codes.Length; i++)
        {
            samples[i] = table[codes[i]];
        }

        return codes.Length;
    }

    internal static byte EncodeByFormula(short sample)
    {
        var magnitude = sample < 0 ? (~sample >> 2) + Bias : (sample >> 2) + Bias;
        if (magnitude > MaxBiasedMagnitude)
        {
            magnitude = MaxBiasedMagnitude;
        }

        // The segment is the position of the highest set bit above bit 5 (the bias makes segment 0 start at 32).
        var segment = 0;
        for (var rest = magnitude >> 6; rest != 0; rest >>= 1)
        {
            segment++;
        }

        var mantissa = (magnitude >> (segment + 1)) & 0x0F;
        var code = ((7 - segment) << 4) | (0x0F - mantissa);
        return (byte)(sample >= 0 ? code | 0x80 : code);
    }

    internal static short DecodeByFormula(byte code)
    {
        var inverted = ~code;
        var segment = (inverted >> 4) & 0x07;
        var mantissa = inverted & 0x0F;
        var step = 8 << segment;
        var magnitude = (0x80 << segment) + (step * mantissa) + (step / 2) - (4 * Bias);
        return (short)(code < 0x80 ? -magnitude : magnitude);
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < table.Length; code++)
        {
            table[code] = DecodeByFormula((byte)code);
        }

        return table;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[65536];
        for (var index = 0; index < table.Length; index++)
        {
            table[index] = EncodeByFormula((short)(ushort)index);
        }

        return table;
    }

    private static void ThrowDestinationTooShort(string name) =>
        throw new ArgumentException("The destination is shorter than the source.", name);
}
