using System.Buffers.Binary;

namespace Telephony.Media.Rtcp;

/// <summary>
/// Writes an RTCP compound packet into a caller's buffer: an SR or RR first, then SDES (with CNAME)
/// and optionally BYE, as RFC 3550 §6.1 requires. Never allocates; throws when the buffer is full.
/// </summary>
public ref struct RtcpCompoundBuilder
{
    private const int HeaderSize = 4;
    private const int MaxCount = 31;

    private readonly Span<byte> _buffer;

    /// <summary>Starts an empty compound packet in <paramref name="buffer"/>.</summary>
    public RtcpCompoundBuilder(Span<byte> buffer)
    {
        _buffer = buffer;
        Length = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The packet written so far.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => _buffer[..Length];

    /// <summary>Adds a sender report with up to 31 report blocks.</summary>
    public void AddSenderReport(uint ssrc, RtcpSenderInfo senderInfo, scoped ReadOnlySpan<RtcpReportBlock> blocks)
    {
        CheckCount(blocks.Length);
        var body = Reserve(RtcpPacketType.SenderReport, blocks.Length, 4 + RtcpSenderInfo.Size + (blocks.Length * RtcpReportBlock.Size));
        BinaryPrimitives.WriteUInt32BigEndian(body, ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(body[4..], senderInfo.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[12..], senderInfo.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[16..], senderInfo.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(body[20..], senderInfo.OctetCount);
        WriteBlocks(body[24..], blocks);
    }

    /// <summary>Adds a receiver report with up to 31 report blocks.</summary>
    public void AddReceiverReport(uint ssrc, scoped ReadOnlySpan<RtcpReportBlock> blocks)
    {
        CheckCount(blocks.Length);
        var body = Reserve(RtcpPacketType.ReceiverReport, blocks.Length, 4 + (blocks.Length * RtcpReportBlock.Size));
        BinaryPrimitives.WriteUInt32BigEndian(body, ssrc);
        WriteBlocks(body[4..], blocks);
    }

    /// <summary>Adds an SDES packet with one chunk carrying the CNAME (ASCII/UTF-8, up to 255 bytes).</summary>
    public void AddSourceDescription(uint ssrc, scoped ReadOnlySpan<byte> canonicalName) =>
        AddSourceDescription(ssrc, canonicalName, RtcpSdesItemType.End, []);

    /// <summary>Adds an SDES packet with one chunk carrying the CNAME and one more item (e.g. TOOL).</summary>
    public void AddSourceDescription(uint ssrc, scoped ReadOnlySpan<byte> canonicalName, RtcpSdesItemType extraType, scoped ReadOnlySpan<byte> extraValue)
    {
        CheckItem(canonicalName);
        var hasExtra = extraType != RtcpSdesItemType.End;
        if (hasExtra)
        {
            CheckItem(extraValue);
        }

        var items = 2 + canonicalName.Length + (hasExtra ? 2 + extraValue.Length : 0);

        // The item list ends with at least one zero octet and is padded to a 32-bit boundary.
        var chunk = 4 + items;
        chunk += 4 - (chunk % 4);
        var body = Reserve(RtcpPacketType.SourceDescription, 1, chunk);
        body.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(body, ssrc);
        var offset = 4 + WriteItem(body[4..], RtcpSdesItemType.CanonicalName, canonicalName);
        if (hasExtra)
        {
            WriteItem(body[offset..], extraType, extraValue);
        }
    }

    /// <summary>Adds a BYE for one source, with an optional reason (up to 255 bytes).</summary>
    public void AddBye(uint ssrc, scoped ReadOnlySpan<byte> reason = default)
    {
        CheckItem(reason);
        var size = 4;
        if (!reason.IsEmpty)
        {
            size += 1 + reason.Length;
            size = (size + 3) & ~3;
        }

        var body = Reserve(RtcpPacketType.Bye, 1, size);
        body.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(body, ssrc);
        if (!reason.IsEmpty)
        {
            body[4] = (byte)reason.Length;
            reason.CopyTo(body[5..]);
        }
    }

    private static void CheckCount(int count)
    {
        if (count > MaxCount)
        {
            throw new ArgumentException("At most 31 report blocks fit in one report.", nameof(count));
        }
    }

    private static void CheckItem(ReadOnlySpan<byte> value)
    {
        if (value.Length > byte.MaxValue)
        {
            throw new ArgumentException("An SDES item or BYE reason holds at most 255 bytes.", nameof(value));
        }
    }

    private static int WriteItem(Span<byte> destination, RtcpSdesItemType type, ReadOnlySpan<byte> value)
    {
        destination[0] = (byte)type;
        destination[1] = (byte)value.Length;
        value.CopyTo(destination[2..]);
        return 2 + value.Length;
    }

    private static void WriteBlocks(Span<byte> destination, scoped ReadOnlySpan<RtcpReportBlock> blocks)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i].Write(destination[(i * RtcpReportBlock.Size)..]);
        }
    }

    private Span<byte> Reserve(RtcpPacketType type, int count, int bodySize)
    {
        var total = HeaderSize + bodySize;
        if (Length + total > _buffer.Length)
        {
            throw new ArgumentException("The RTCP buffer is too small for this packet.", nameof(bodySize));
        }

        var packet = _buffer.Slice(Length, total);
        packet[0] = (byte)(0x80 | count);
        packet[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)((total / 4) - 1));
        Length += total;
        return packet[HeaderSize..];
    }
}
