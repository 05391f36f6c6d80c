using System.Buffers.Binary;

namespace Telephony.Media.Rtp;

/// <summary>
/// The RTP fixed header (RFC 3550 §5.1) plus where the payload sits in the packet it was parsed from.
/// Parsing and writing work on spans and never allocate.
/// </summary>
public readonly record struct RtpHeader
{
    /// <summary>Size of the fixed header without CSRCs or extension.</summary>
    public const int FixedSize = 12;

    /// <summary>The only RTP version in use.</summary>
    public const int RtpVersion = 2;

    /// <summary>Creates a header for sending.</summary>
    public RtpHeader(byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc, bool marker = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, (byte)127);
        PayloadType = payloadType;
        SequenceNumber = sequenceNumber;
        Timestamp = timestamp;
        Ssrc = ssrc;
        Marker = marker;
        HeaderLength = FixedSize;
    }

    /// <summary>The P bit: padding octets end the packet.</summary>
    public bool Padding { get; init; }

    /// <summary>The X bit: a header extension follows the CSRCs.</summary>
    public bool Extension { get; init; }

    /// <summary>Number of CSRC identifiers (0–15).</summary>
    public int CsrcCount { get; init; }

    /// <summary>The M bit; for audio, the first packet of a talkspurt.</summary>
    public bool Marker { get; init; }

    /// <summary>The 7-bit payload type.</summary>
    public byte PayloadType { get; init; }

    /// <summary>The 16-bit sequence number.</summary>
    public ushort SequenceNumber { get; init; }

    /// <summary>The sampling instant of the first payload octet, in clock-rate units.</summary>
    public uint Timestamp { get; init; }

    /// <summary>The synchronisation source.</summary>
    public uint Ssrc { get; init; }

    /// <summary>The extension's profile-defined 16 bits (when <see cref="Extension"/> is set).</summary>
    public ushort ExtensionProfile { get; init; }

    /// <summary>Bytes of header: fixed part, CSRCs and extension.</summary>
    public int HeaderLength { get; init; }

    /// <summary>Bytes of payload between the header and the padding (set by parsing).</summary>
    public int PayloadLength { get; init; }

    /// <summary>Bytes of padding at the end of the packet (set by parsing).</summary>
    public int PaddingLength { get; init; }

    /// <summary>
    /// Parses and validates the header of <paramref name="packet"/>. On success the payload is
    /// <c>packet.Slice(header.HeaderLength, header.PayloadLength)</c>.
    /// </summary>
    public static RtpParseError TryParse(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        header = default;
        if (packet.Length < FixedSize)
        {
            return RtpParseError.TooShort;
        }

        var first = packet[0];
        if (first >> 6 != RtpVersion)
        {
            return RtpParseError.BadVersion;
        }

        var payloadType = (byte)(packet[1] & 0x7F);
        if (payloadType is >= 72 and <= 76)
        {
            return RtpParseError.RtcpPayloadType;
        }

        var csrcCount = first & 0x0F;
        var headerLength = FixedSize + (4 * csrcCount);
        if (headerLength > packet.Length)
        {
            return RtpParseError.CsrcOverrun;
        }

        var hasExtension = (first & 0x10) != 0;
        ushort extensionProfile = 0;
        if (hasExtension)
        {
            if (headerLength + 4 > packet.Length)
            {
                return RtpParseError.ExtensionOverrun;
            }

            extensionProfile = BinaryPrimitives.ReadUInt16BigEndian(packet[headerLength..]);
            var extensionWords = BinaryPrimitives.ReadUInt16BigEndian(packet[(headerLength + 2)..]);
            headerLength += 4 + (4 * extensionWords);
            if (headerLength > packet.Length)
            {
                return RtpParseError.ExtensionOverrun;
            }
        }

        var hasPadding = (first & 0x20) != 0;
        var paddingLength = 0;
        if (hasPadding)
        {
            paddingLength = packet[^1];
            if (paddingLength == 0 || headerLength + paddingLength > packet.Length)
            {
                return RtpParseError.BadPadding;
            }
        }

        header = new RtpHeader
        {
            Padding = hasPadding,
            Extension = hasExtension,
            CsrcCount = csrcCount,
            Marker = (packet[1] & 0x80) != 0,
            PayloadType = payloadType,
            SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            ExtensionProfile = extensionProfile,
            HeaderLength = headerLength,
            PayloadLength = packet.Length - headerLength - paddingLength,
            PaddingLength = paddingLength,
        };
        return RtpParseError.None;
    }

    /// <summary>Reads CSRC number <paramref name="index"/> of a packet whose header parsed.</summary>
    public static uint ReadCsrc(ReadOnlySpan<byte> packet, int index) =>
        BinaryPrimitives.ReadUInt32BigEndian(packet[(FixedSize + (4 * index))..]);

    /// <summary>The extension data (after its 4-byte header) of a packet whose header parsed.</summary>
    public ReadOnlySpan<byte> ExtensionData(ReadOnlySpan<byte> packet)
    {
        if (!Extension)
        {
            return [];
        }

        var start = FixedSize + (4 * CsrcCount) + 4;
        return packet[start..HeaderLength];
    }

    /// <summary>The payload of the packet this header was parsed from.</summary>
    public ReadOnlySpan<byte> PayloadOf(ReadOnlySpan<byte> packet) => packet.Slice(HeaderLength, PayloadLength);

    /// <summary>
    /// Writes the fixed header (no CSRCs, no extension, no padding) to <paramref name="destination"/>.
    /// Returns 12.
    /// </summary>
    public int Write(Span<byte> destination) => Write(destination, [], []);

    /// <summary>
    /// Writes the header with CSRCs and, when <paramref name="extensionData"/> is not empty (a whole
    /// number of 32-bit words), an extension carrying <see cref="ExtensionProfile"/>. The P bit is
    /// not set here: padding is the sender's business after the payload. Returns the header length.
    /// </summary>
    public int Write(Span<byte> destination, ReadOnlySpan<uint> csrcs, ReadOnlySpan<byte> extensionData)
    {
        if (csrcs.Length > 15)
        {
            throw new ArgumentException("At most 15 CSRCs fit in an RTP header.", nameof(csrcs));
        }

        if (extensionData.Length % 4 != 0 || extensionData.Length > ushort.MaxValue * 4)
        {
            throw new ArgumentException("The extension must be a whole number of 32-bit words.", nameof(extensionData));
        }

        var hasExtension = !extensionData.IsEmpty;
        var length = FixedSize + (4 * csrcs.Length) + (hasExtension ? 4 + extensionData.Length : 0);
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too short for the RTP header.", nameof(destination));
        }

        destination[0] = (byte)((RtpVersion << 6) | (hasExtension ? 0x10 : 0) | csrcs.Length);
        destination[1] = (byte)((Marker ? 0x80 : 0) | PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        var offset = FixedSize;
        foreach (var csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }

        if (hasExtension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], ExtensionProfile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(extensionData.Length / 4));
            extensionData.CopyTo(destination[(offset + 4)..]);
        }

        return length;
    }

    /// <summary>
    /// Pads a finished packet of <paramref name="packetLength"/> bytes with <paramref name="paddingLength"/>
    /// octets (1–255, the last holding the count) and sets the P bit, e.g. to align for encryption.
    /// Returns the new packet length.
    /// </summary>
    public static int AppendPadding(Span<byte> packet, int packetLength, int paddingLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(packetLength, FixedSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(paddingLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(paddingLength, byte.MaxValue);
        var length = packetLength + paddingLength;
        if (packet.Length < length)
        {
            throw new ArgumentException("The buffer has no room for the padding.", nameof(packet));
        }

        packet.Slice(packetLength, paddingLength - 1).Clear();
        packet[length - 1] = (byte)paddingLength;
        packet[0] |= 0x20;
        return length;
    }
}
