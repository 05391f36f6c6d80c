namespace Telephony.Media.Rtcp;

/// <summary>The sender information section of an SR (RFC 3550 §6.4.1).</summary>
/// <param name="NtpTimestamp">Wall-clock time when the report was sent, NTP format.</param>
/// <param name="RtpTimestamp">The same instant in the stream's RTP timestamp units.</param>
/// <param name="PacketCount">RTP packets sent since the stream started.</param>
/// <param name="OctetCount">Payload octets sent since the stream started.</param>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    /// <summary>Encoded size.</summary>
    public const int Size = 20;
}
