using System.Buffers.Binary;

namespace Telephony.Media.Rtcp;

/// <summary>A view of one packet inside an RTCP compound packet, with typed accessors per packet type.</summary>
public readonly ref struct RtcpPacket
{
    internal RtcpPacket(byte type, int count, ReadOnlySpan<byte> body)
    {
        RawType = type;
        Count = count;
        Body = body;
    }

    /// <summary>The packet type byte.</summary>
    public byte RawType { get; }

    /// <summary>The packet type (may hold values outside the enum for unknown types).</summary>
    public RtcpPacketType Type => (RtcpPacketType)RawType;

    /// <summary>The 5-bit count field: report blocks (SR/RR), chunks (SDES), sources (BYE).</summary>
    public int Count { get; }

    /// <summary>The body after the 4-byte header, without padding.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>The sender's SSRC (SR, RR) or the first source (SDES, BYE).</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(Body);

    /// <summary>The sender information of an SR.</summary>
    public RtcpSenderInfo SenderInfo => Type == RtcpPacketType.SenderReport
        ? new RtcpSenderInfo(
            BinaryPrimitives.ReadUInt64BigEndian(Body[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(Body[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(Body[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(Body[20..]))
        : throw new InvalidOperationException("Only a sender report carries sender information.");

    /// <summary>Report block <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>) of an SR or RR.</summary>
    public RtcpReportBlock ReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var offset = Type switch
        {
            RtcpPacketType.SenderReport => 4 + RtcpSenderInfo.Size,
            RtcpPacketType.ReceiverReport => 4,
            _ => throw new InvalidOperationException("Only SR and RR carry report blocks."),
        };
        return RtcpReportBlock.Read(Body[(offset + (index * RtcpReportBlock.Size))..]);
    }

    /// <summary>Enumerates the items of every chunk of an SDES packet.</summary>
    public RtcpSdesItemEnumerator SdesItems => Type == RtcpPacketType.SourceDescription
        ? new RtcpSdesItemEnumerator(Body, Count)
        : throw new InvalidOperationException("Only SDES carries items.");

    /// <summary>Source <paramref name="index"/> of a BYE.</summary>
    public uint ByeSource(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return BinaryPrimitives.ReadUInt32BigEndian(Body[(4 * index)..]);
    }

    /// <summary>The reason text of a BYE, empty when absent.</summary>
    public ReadOnlySpan<byte> ByeReason
    {
        get
        {
            var offset = 4 * Count;
            if (Type != RtcpPacketType.Bye || Body.Length <= offset)
            {
                return [];
            }

            var length = Body[offset];
            return Body.Length >= offset + 1 + length ? Body.Slice(offset + 1, length) : [];
        }
    }
}
