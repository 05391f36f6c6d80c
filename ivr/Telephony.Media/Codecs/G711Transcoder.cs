namespace Telephony.Media.Codecs;

/// <summary>
/// Direct mu-law ↔ A-law transcoding through 256-entry tables, for bridging a PCMU leg to a PCMA
/// leg without a linear intermediate buffer. Each entry maps a code word to the code word of the
/// other law whose interval holds the decoded magnitude, keeping the sign bit, which is how the
/// G.711 conversion tables are defined (mu-law negative zero 0x7F maps to A-law 0x55, not 0xD5).
/// </summary>
public static class G711Transcoder
{
    private static readonly byte[] MuLawToALawTable = BuildTable(MuLaw.Decode, ALaw.Encode);
    private static readonly byte[] ALawToMuLawTable = BuildTable(ALaw.Decode, MuLaw.Encode);

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

    private static byte[] BuildTable(Func<byte, short> decode, Func<short, byte> encode)
    {
        var table = new byte[256];
        const int positiveBit = 0x80;
        for (var code = 0; code < table.Length; code++)
        {
            // Both laws put the sign in bit 7 (set = positive), so convert the magnitude and copy the sign.
            var positive = encode(decode((byte)(code | positiveBit)));
            table[code] = (code & positiveBit) != 0 ? positive : (byte)(positive & ~positiveBit);
        }

        return table;
    }
}
