namespace Telephony.Media.Streams;

/// <summary>What <see cref="RtpInboundStream.Receive"/> did with a datagram.</summary>
public enum RtpReceiveOutcome
{
    /// <summary>Audio stored in the jitter buffer.</summary>
    Audio,

    /// <summary>A telephone-event packet, passed to the DTMF receiver.</summary>
    TelephoneEvent,

    /// <summary>Not valid RTP (see <see cref="Rtp.RtpParseError"/>).</summary>
    Invalid,

    /// <summary>Valid RTP but dropped: source on probation, sequence jump, late or duplicate.</summary>
    Dropped,

    /// <summary>A payload type that was not negotiated (comfort noise, a codec we did not agree).</summary>
    UnexpectedPayloadType,
}
