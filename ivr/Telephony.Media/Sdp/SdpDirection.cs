namespace Telephony.Media.Sdp;

/// <summary>Media direction attributes of RFC 3264 §5.1, from the point of view of the SDP's author.</summary>
public enum SdpDirection
{
    /// <summary>Send and receive (the default when no attribute is present).</summary>
    SendRecv,

    /// <summary>Only send.</summary>
    SendOnly,

    /// <summary>Only receive.</summary>
    RecvOnly,

    /// <summary>Neither (e.g. both parties on hold).</summary>
    Inactive,
}
