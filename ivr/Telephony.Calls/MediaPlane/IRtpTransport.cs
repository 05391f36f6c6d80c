using Telephony.Media.Streams;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// Where a leg's media session sends its packets: <see cref="IRtpPacketSink.Send"/> takes RTP, and
/// <see cref="SendRtcp"/> RTCP. The leg's UDP endpoint in production, a fake in unit tests.
/// </summary>
internal interface IRtpTransport : IRtpPacketSink
{
    /// <summary>Sends an RTCP compound packet to the peer.</summary>
    void SendRtcp(ReadOnlySpan<byte> packet);
}
