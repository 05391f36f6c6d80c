namespace Telephony.Media.Rtcp;

/// <summary>SDES item types of RFC 3550 §6.5.</summary>
public enum RtcpSdesItemType : byte
{
    /// <summary>Ends the item list of a chunk.</summary>
    End = 0,

    /// <summary>Canonical end-point identifier; required in every compound packet.</summary>
    CanonicalName = 1,

    /// <summary>User name.</summary>
    Name = 2,

    /// <summary>Electronic mail address.</summary>
    Email = 3,

    /// <summary>Phone number.</summary>
    Phone = 4,

    /// <summary>Geographic location.</summary>
    Location = 5,

    /// <summary>Application or tool name.</summary>
    Tool = 6,

    /// <summary>Notice/status.</summary>
    Note = 7,

    /// <summary>Private extension.</summary>
    Private = 8,
}
