using Telephony.Media.Scheduling;

namespace Telephony.Media.Streams;

/// <summary>
/// Where an outbound stream hands finished RTP packets: the transport (a UDP socket with the peer's
/// address, a relay, a test). Called on the media thread; must copy or send at once and not block.
/// </summary>
public interface IRtpPacketSink
{
    /// <summary>Sends one RTP packet; the span is reused after the call returns.</summary>
    void Send(ReadOnlySpan<byte> packet);

    /// <summary>
    /// Sends the packet of a media tick: when the tick runs ahead (<see cref="MediaTick.Lead"/>), at its
    /// <see cref="MediaTick.DueTimestamp"/>. A sink that cannot hold packets sends at once.
    /// </summary>
    void Send(ReadOnlySpan<byte> packet, in MediaTick tick) => Send(packet);
}
