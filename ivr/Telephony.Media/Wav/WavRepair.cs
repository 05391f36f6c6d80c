using System.Buffers.Binary;

namespace Telephony.Media.Wav;

/// <summary>
/// Fixes the header of a WAVE file whose writer stopped before finishing it (process killed, power
/// lost): the RIFF size, data size and fact sample count are set from the bytes actually present,
/// and a trailing partial sample frame is cut. Assumes, like <see cref="WavWriter"/>, that the data
/// chunk is the last chunk whenever its declared size is wrong. A writer that flushed its header
/// and then kept writing leaves a RIFF size that ends exactly where the data chunk ended at the flush:
/// the bytes past that point lie outside the RIFF form, so they are audio appended after the flush and
/// are kept, not read as another chunk.
/// </summary>
public static class WavRepair
{
    /// <summary>Repairs the file at <paramref name="path"/> in place.</summary>
    public static WavRepairResult Repair(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        return Repair(stream);
    }

    /// <summary>Repairs a WAVE file held in a readable, writable, seekable stream positioned anywhere.</summary>
    public static WavRepairResult Repair(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanWrite || !stream.CanRead)
        {
            throw new ArgumentException("Repair needs a readable, writable, seekable stream.", nameof(stream));
        }

        stream.Position = 0;
        var layout = WavLayout.Read(stream);
        var length = stream.Length;
        var available = length - layout.DataOffset;
        var declared = (long)layout.DeclaredDataLength;
        var declaredEnd = layout.DataOffset + declared + (declared & 1);
        var riffSizeMatches = layout.DeclaredRiffSize == length - WavHeader.ChunkHeaderSize;

        if (declaredEnd <= length && riffSizeMatches && (declared > 0 || available == 0))
        {
            return new WavRepairResult(false, layout.Format, declared, 0);
        }

        var riffEndedWithData = layout.DeclaredRiffSize == declaredEnd - WavHeader.ChunkHeaderSize;
        if (declared > 0 && declaredEnd <= length && !riffEndedWithData)
        {
            // The data chunk is complete and something follows it; only the RIFF size was left stale.
            WriteUInt32(stream, 4, (uint)(length - WavHeader.ChunkHeaderSize));
            return new WavRepairResult(true, layout.Format, declared, 0);
        }

        var dataLength = Math.Min(available, uint.MaxValue - WavHeader.MaxSize);
        var dropped = dataLength % layout.Format.BlockAlign;
        dataLength -= dropped;
        var newLength = layout.DataOffset + dataLength;
        stream.SetLength(newLength);
        if ((dataLength & 1) != 0)
        {
            stream.Position = newLength;
            stream.WriteByte(0);
            newLength++;
        }

        WriteUInt32(stream, 4, (uint)(newLength - WavHeader.ChunkHeaderSize));
        WriteUInt32(stream, layout.DataHeaderOffset + 4, (uint)dataLength);
        if (layout.FactValueOffset >= 0)
        {
            WriteUInt32(stream, layout.FactValueOffset, (uint)(dataLength / layout.Format.BlockAlign));
        }

        stream.Flush();
        return new WavRepairResult(true, layout.Format, dataLength, available - dataLength);
    }

    private static void WriteUInt32(Stream stream, long offset, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Position = offset;
        stream.Write(bytes);
    }
}
