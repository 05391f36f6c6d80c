namespace Telephony.Media.Rtp;

/// <summary>Why a datagram is not a valid RTP packet (RFC 3550 §5.1 and Appendix A.1 checks).</summary>
public enum RtpParseError
{
    /// <summary>The packet is valid.</summary>
    None = 0,

    /// <summary>Shorter than the 12-byte fixed header.</summary>
    TooShort,

    /// <summary>The version field is not 2.</summary>
    BadVersion,

    /// <summary>The payload type is 72–76, which collides with RTCP SR/RR when demultiplexing (RFC 5761).</summary>
    RtcpPayloadType,

    /// <summary>The CSRC list runs past the end of the packet.</summary>
    CsrcOverrun,

    /// <summary>The header extension runs past the end of the packet.</summary>
    ExtensionOverrun,

    /// <summary>The padding count is zero or larger than the payload.</summary>
    BadPadding,
}
