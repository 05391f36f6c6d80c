namespace Telephony.Media.Rtcp;

/// <summary>Why a datagram is not a valid RTCP compound packet (RFC 3550 Appendix A.2).</summary>
public enum RtcpParseError
{
    /// <summary>Valid.</summary>
    None = 0,

    /// <summary>Shorter than one RTCP header, or a packet's length runs past the datagram.</summary>
    Truncated,

    /// <summary>A version field is not 2.</summary>
    BadVersion,

    /// <summary>The first packet is not an SR or RR.</summary>
    FirstNotReport,

    /// <summary>A packet other than the last has the padding bit set, or the padding is impossible.</summary>
    BadPadding,

    /// <summary>A packet's body is too short for the count or type it declares.</summary>
    BadLength,
}
