using System.Buffers.Binary;

namespace Telephony.Media.Rtcp;

/// <summary>
/// Reads the packets of an RTCP compound packet in order. <see cref="Validate"/> applies the
/// RFC 3550 Appendix A.2 checks; <see cref="TryReadNext"/> yields packets until the end or the
/// first malformed header.
/// </summary>
public ref struct RtcpCompoundReader
{
    private const int HeaderSize = 4;

    private readonly ReadOnlySpan<byte> _datagram;
    private int _offset;

    /// <summary>Reads packets from <paramref name="datagram"/>.</summary>
    public RtcpCompoundReader(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _offset = 0;
    }

    /// <summary>
    /// Checks a compound packet: version 2 throughout, an SR or RR first, padding only on the last
    /// packet, lengths adding up exactly to the datagram, and bodies long enough for their counts.
    /// </summary>
    public static RtcpParseError Validate(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < HeaderSize)
        {
            return RtcpParseError.Truncated;
        }

        if (datagram[1] is not ((byte)RtcpPacketType.SenderReport or (byte)RtcpPacketType.ReceiverReport))
        {
            return RtcpParseError.FirstNotReport;
        }

        var offset = 0;
        while (offset < datagram.Length)
        {
            var error = ReadHeader(datagram, offset, out _, out _, out var total, out var bodyLength);
            if (error != RtcpParseError.None)
            {
                return error;
            }

            var isLast = offset + total == datagram.Length;
            if ((datagram[offset] & 0x20) != 0 && !isLast)
            {
                return RtcpParseError.BadPadding;
            }

            if (!BodyFitsCount(datagram[offset + 1], datagram[offset] & 0x1F, bodyLength))
            {
                return RtcpParseError.BadLength;
            }

            offset += total;
        }

        return RtcpParseError.None;
    }

    /// <summary>Reads the next packet; false at the end or at a malformed header.</summary>
    public bool TryReadNext(out RtcpPacket packet)
    {
        packet = default;
        if (_offset >= _datagram.Length)
        {
            return false;
        }

        if (ReadHeader(_datagram, _offset, out var type, out var count, out var total, out var bodyLength) != RtcpParseError.None
            || !BodyFitsCount(type, count, bodyLength))
        {
            _offset = _datagram.Length;
            return false;
        }

        packet = new RtcpPacket(type, count, _datagram.Slice(_offset + HeaderSize, bodyLength));
        _offset += total;
        return true;
    }

    private static RtcpParseError ReadHeader(ReadOnlySpan<byte> datagram, int offset, out byte type, out int count, out int total, out int bodyLength)
    {
        type = 0;
        count = 0;
        total = 0;
        bodyLength = 0;
        if (offset + HeaderSize > datagram.Length)
        {
            return RtcpParseError.Truncated;
        }

        var first = datagram[offset];
        if (first >> 6 != 2)
        {
            return RtcpParseError.BadVersion;
        }

        type = datagram[offset + 1];
        count = first & 0x1F;
        total = (BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]) + 1) * 4;
        if (offset + total > datagram.Length)
        {
            return RtcpParseError.Truncated;
        }

        bodyLength = total - HeaderSize;
        if ((first & 0x20) != 0)
        {
            var padding = datagram[offset + total - 1];
            if (padding == 0 || padding > bodyLength)
            {
                return RtcpParseError.BadPadding;
            }

            bodyLength -= padding;
        }

        return RtcpParseError.None;
    }

    private static bool BodyFitsCount(byte type, int count, int bodyLength) => (RtcpPacketType)type switch
    {
        RtcpPacketType.SenderReport => bodyLength >= 4 + RtcpSenderInfo.Size + (count * RtcpReportBlock.Size),
        RtcpPacketType.ReceiverReport => bodyLength >= 4 + (count * RtcpReportBlock.Size),
        RtcpPacketType.SourceDescription => bodyLength >= 4 * count,
        RtcpPacketType.Bye => bodyLength >= 4 * count,
        _ => true,
    };
}
