using System.Buffers.Binary;

namespace Telephony.Media.Rtcp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1).</summary>
/// <param name="Ssrc">The source this block reports on.</param>
/// <param name="FractionLost">Packets lost in the interval, as a fixed-point fraction of 256.</param>
/// <param name="CumulativeLost">Total lost (24-bit signed; negative with duplicates).</param>
/// <param name="ExtendedHighestSequence">Highest sequence number received, with wrap count.</param>
/// <param name="Jitter">Interarrival jitter in timestamp units.</param>
/// <param name="LastSenderReport">Middle 32 bits of the last SR's NTP time from that source, 0 if none.</param>
/// <param name="DelaySinceLastSenderReport">Time since that SR arrived, in 1/65536 s.</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    /// <summary>Encoded size.</summary>
    public const int Size = 24;

    /// <summary>Largest value of the 24-bit signed cumulative-lost field.</summary>
    public const int MaxCumulativeLost = 0x7F_FFFF;

    /// <summary>Smallest value of the 24-bit signed cumulative-lost field.</summary>
    public const int MinCumulativeLost = -0x80_0000;

    /// <summary>The fraction lost as a percentage.</summary>
    public double FractionLostPercent => FractionLost * 100.0 / 256;

    /// <summary>
    /// The round-trip time to the reporter (RFC 3550 §6.4.1): arrival minus LSR minus DLSR, given the
    /// block's arrival time as NTP middle 32 bits. Null when the reporter has not heard an SR from us.
    /// </summary>
    public TimeSpan? RoundTripTime(uint arrivalMiddle32)
    {
        if (LastSenderReport == 0)
        {
            return null;
        }

        var units = unchecked((int)(arrivalMiddle32 - LastSenderReport - DelaySinceLastSenderReport));
        return units < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(units / 65536.0);
    }

    internal void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        var lost = (uint)CumulativeLost & 0x00FF_FFFF;
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)FractionLost << 24) | lost);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], DelaySinceLastSenderReport);
    }

    internal static RtcpReportBlock Read(ReadOnlySpan<byte> source)
    {
        var lostWord = BinaryPrimitives.ReadUInt32BigEndian(source[4..]);

        // Sign-extend the 24-bit field.
        var cumulative = ((int)(lostWord << 8)) >> 8;
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(source),
            (byte)(lostWord >> 24),
            cumulative,
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[20..]));
    }
}
