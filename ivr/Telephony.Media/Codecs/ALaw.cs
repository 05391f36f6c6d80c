namespace Telephony.Media.Codecs;

/// <summary>
/// ITU-T G.711 A-law companding between 16-bit linear PCM and 8-bit code words, by lookup table.
/// Follows the ITU-T G.191 reference quantisation: negative samples fold with one's complement,
/// even bits are inverted on the wire (XOR 0x55), and decoding yields interval midpoints scaled
/// to 16 bits (0xD5 decodes to 8, 0x55 to -8, 0xAA to 32256).
/// </summary>
public static class ALaw
{
    private const int EvenBitInversion = 0x55;

    private static readonly short[] DecodeTable = BuildDecodeTable();
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    /// <summary>The code word for the smallest positive level, used as silence.</summary>
    public const byte Silence = 0xD5;

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
        // 12-bit magnitude; segment 0 and 1 share the same step, the others double it.
        var magnitude = sample < 0 ? ~sample >> 4 : sample >> 4;
        if (magnitude > 15)
        {
            var segment = 1;
            while (magnitude > 31)
            {
                magnitude >>= 1;
                segment++;
            }

            magnitude = (magnitude - 16) + (segment << 4);
        }

        if (sample >= 0)
        {
            magnitude |= 0x80;
        }

        return (byte)(magnitude ^ EvenBitInversion);
    }

    internal static short DecodeByFormula(byte code)
    {
        var value = (code ^ EvenBitInversion) & 0x7F;
        var segment = value >> 4;
        var mantissa = value & 0x0F;
        if (segment > 0)
        {
            mantissa += 16;
        }

        var magnitude = (mantissa << 4) + 8;
        if (segment > 1)
        {
            magnitude <<= segment - 1;
        }

        return (short)(code > 0x7F ? magnitude : -magnitude);
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
