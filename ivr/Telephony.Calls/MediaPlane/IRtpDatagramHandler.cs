namespace Telephony.Calls.MediaPlane;

/// <summary>Takes the datagrams an endpoint receives, on a receive thread; must not block.</summary>
internal interface IRtpDatagramHandler
{
    /// <summary>One datagram from the RTP socket; <paramref name="timestamp"/> is a <see cref="TimeProvider"/> timestamp.</summary>
    void OnRtp(ReadOnlySpan<byte> datagram, long timestamp);

    /// <summary>One datagram from the RTCP socket.</summary>
    void OnRtcp(ReadOnlySpan<byte> datagram, long timestamp);
}
