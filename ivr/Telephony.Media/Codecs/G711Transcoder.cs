namespace Telephony.Media.Codecs;

/// <summary>
/// Direct mu-law ↔ A-law transcoding through 256-entry tables (ITU-T G.711 Tables 3 and 4), for
/// bridging a PCMU leg to a PCMA leg without a linear intermediate buffer.
/// <para>
/// The tables are computed, not typed in: each code word's decoded magnitude is carried to the
/// other law at equal analogue level — mu-law's 14-bit scale overloads at 8159 = +3.17 dBm0,
/// A-law's 13-bit scale at 4096 = +3.14 dBm0, so the scales differ by about 1.985 rather than 2 —
/// and lands in the other law's quantisation interval holding that level; the sign bit is kept.
/// This reproduces the published tables entry for entry except mu-law magnitude 80 (0xAF/0x2F),
/// which G.711 maps one A-law step lower so that mu → A → mu is transparent there.
/// </para>
/// </summary>
public static class G711Transcoder
{
    private const int PositiveBit = 0x80;

    // 0 dBm0 on each law's own integer scale, from the overload points above.
    private static readonly double MuLawPerALaw = (8159 / Math.Pow(10, 3.17 / 20)) / (4096 / Math.Pow(10, 3.14 / 20));

    private static readonly byte[] MuLawToALawTable = BuildMuLawToALaw();
    private static readonly byte[] ALawToMuLawTable = BuildALawToMuLaw();

    /// <summary>Converts one mu-law code word to A-law.</summary>
    public static byte MuLawToALaw(byte code) => MuLawToALawTable[code];

    /// <summary>Converts one A-law code word to mu-law.</summary>
    public static byte ALawToMuLaw(byte code) => ALawToMuLawTable[code];

    /// <summary>Converts mu-law code words to A-law; source and destination may be the same span.</summary>
    public static void MuLawToALaw(ReadOnlySpan<byte> source, Span<byte> destination) =>
        Translate(MuLawToALawTable, source, destination);

    /// <summary>Converts A-law code words to mu-law; source and destination may be the same span.</summary>
    public static void ALawToMuLaw(ReadOnlySpan<byte> source, Span<byte> destination) =>
        Translate(ALawToMuLawTable, source, destination);

    private static void Translate(byte[] table, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    private static byte[] BuildMuLawToALaw()
    {
        const byte transparentException = 0xAF;
        var table = new byte[256];
        for (var code = PositiveBit; code < 256; code++)
        {
            // Decoded 16-bit values are the 14-bit mu-law level times 4 and the 13-bit A-law level times 8.
            var muLevel = MuLaw.Decode((byte)code) / 4;
            var aLevel = (int)Math.Floor(muLevel / MuLawPerALaw);
            var aCode = ALaw.Encode((short)Math.Min(aLevel * 8, short.MaxValue));
            if (code == transparentException)
            {
                aCode = OneStepDown(aCode);
            }

            SetBothSigns(table, code, aCode);
        }

        return table;
    }

    private static byte[] BuildALawToMuLaw()
    {
        var table = new byte[256];
        for (var magnitude = 0; magnitude < 128; magnitude++)
        {
            var code = ALaw.Silence ^ magnitude;
            var aLevel = ALaw.Decode((byte)code) / 8;
            var muLevel = (int)Math.Floor(aLevel * MuLawPerALaw);
            SetBothSigns(table, code, MuLaw.Encode((short)Math.Min(muLevel * 4, short.MaxValue)));
        }

        return table;
    }

    /// <summary>Stores the positive mapping and its negative mirror (bit 7 clear on both sides).</summary>
    private static void SetBothSigns(byte[] table, int positiveCode, byte positiveResult)
    {
        table[positiveCode] = positiveResult;
        table[positiveCode & ~PositiveBit] = (byte)(positiveResult & ~PositiveBit);
    }

    /// <summary>The positive A-law code word one quantisation step below (A-law codes are XOR 0x55 on the wire).</summary>
    private static byte OneStepDown(byte aCode) => (byte)(((aCode ^ ALaw.Silence) - 1) ^ ALaw.Silence);
}
