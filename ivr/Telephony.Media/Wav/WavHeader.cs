using System.Buffers.Binary;

namespace Telephony.Media.Wav;

/// <summary>Layout of the header our writer produces: RIFF, fmt, fact (for G.711), then data last.</summary>
internal static class WavHeader
{
    public const int RiffHeaderSize = 12;
    public const int ChunkHeaderSize = 8;
    public const int PcmFmtSize = 16;

    // Non-PCM formats carry the cbSize field (0 extra bytes) per the WAVEFORMATEX rules.
    public const int ExtendedFmtSize = 18;
    public const int FactBodySize = 4;
    public const int MaxSize = RiffHeaderSize + ChunkHeaderSize + ExtendedFmtSize + ChunkHeaderSize + FactBodySize + ChunkHeaderSize;

    public static ReadOnlySpan<byte> Riff => "RIFF"u8;
    public static ReadOnlySpan<byte> Wave => "WAVE"u8;
    public static ReadOnlySpan<byte> Fmt => "fmt "u8;
    public static ReadOnlySpan<byte> Fact => "fact"u8;
    public static ReadOnlySpan<byte> Data => "data"u8;

    public static int SizeOf(WavFormat format) => format.HasFactChunk ? MaxSize : RiffHeaderSize + ChunkHeaderSize + PcmFmtSize + ChunkHeaderSize;

    /// <summary>Offset of the fact chunk's sample count, or -1 when the format has none.</summary>
    public static int FactValueOffset(WavFormat format) =>
        format.HasFactChunk ? RiffHeaderSize + ChunkHeaderSize + ExtendedFmtSize + ChunkHeaderSize : -1;

    /// <summary>Writes the header for <paramref name="dataBytes"/> of audio; returns its length.</summary>
    public static int Write(Span<byte> destination, WavFormat format, uint dataBytes)
    {
        var size = SizeOf(format);
        var header = destination[..size];
        Riff.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(size - ChunkHeaderSize) + dataBytes + (dataBytes & 1));
        Wave.CopyTo(header[8..]);

        var fmtSize = format.HasFactChunk ? ExtendedFmtSize : PcmFmtSize;
        var fmt = header[RiffHeaderSize..];
        Fmt.CopyTo(fmt);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[4..], (uint)fmtSize);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[8..], (ushort)format.Encoding);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[10..], (ushort)format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[12..], (uint)format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[16..], (uint)format.ByteRate);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[20..], (ushort)format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[22..], (ushort)format.BitsPerSample);

        var next = fmt[(ChunkHeaderSize + fmtSize)..];
        if (format.HasFactChunk)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[24..], 0);
            Fact.CopyTo(next);
            BinaryPrimitives.WriteUInt32LittleEndian(next[4..], FactBodySize);
            BinaryPrimitives.WriteUInt32LittleEndian(next[8..], dataBytes / (uint)format.BlockAlign);
            next = next[(ChunkHeaderSize + FactBodySize)..];
        }

        Data.CopyTo(next);
        BinaryPrimitives.WriteUInt32LittleEndian(next[4..], dataBytes);
        return size;
    }
}
