using System.Buffers.Binary;
using Telephony.Media.Wav;

namespace Telephony.Recording;

/// <summary>
/// Repairs a recording whose writer died. Our writers (the recorder and the call layer's voicemail) always put the data
/// chunk last and flush consistent sizes periodically, so a header whose RIFF size still matches its data size while the
/// file goes on means audio was appended after the last flush. <see cref="WavRepair"/> alone reads that case as "a complete
/// data chunk followed by another chunk" and would drop the tail; so the stale sizes are cleared first, and WavRepair then
/// takes the data length from the bytes present.
/// </summary>
internal static class RecordingFileRepair
{
    public static WavRepairResult Repair(string path)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            long dataOffset;
            using (var reader = WavReader.Open(stream, leaveOpen: true))
            {
                dataOffset = reader.DataOffset;
            }

            Span<byte> field = stackalloc byte[4];
            stream.Position = 4;
            stream.ReadExactly(field);
            long riffSize = BinaryPrimitives.ReadUInt32LittleEndian(field);
            stream.Position = dataOffset - 4;
            stream.ReadExactly(field);
            long declared = BinaryPrimitives.ReadUInt32LittleEndian(field);
            var dataWasLast = riffSize == dataOffset - 8 + declared + (declared & 1);
            if (dataWasLast && stream.Length > dataOffset + declared + (declared & 1))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(field, 0);
                stream.Position = dataOffset - 4;
                stream.Write(field);
                BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)(dataOffset - 8));
                stream.Position = 4;
                stream.Write(field);
                stream.Flush();
            }
        }

        return WavRepair.Repair(path);
    }
}
