namespace Telephony.Media.Sdp;

/// <summary>Helpers to map <see cref="SdpDirection"/> to attribute names and to combine directions.</summary>
public static class SdpDirectionExtensions
{
    /// <summary>The attribute name (<c>sendrecv</c>, <c>sendonly</c>, <c>recvonly</c>, <c>inactive</c>).</summary>
    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Parses an attribute name; false when it is not a direction attribute.</summary>
    public static bool TryParse(string attributeName, out SdpDirection direction)
    {
        switch (attributeName)
        {
            case "sendrecv":
                direction = SdpDirection.SendRecv;
                return true;
            case "sendonly":
                direction = SdpDirection.SendOnly;
                return true;
            case "recvonly":
                direction = SdpDirection.RecvOnly;
                return true;
            case "inactive":
                direction = SdpDirection.Inactive;
                return true;
            default:
                direction = SdpDirection.SendRecv;
                return false;
        }
    }

    /// <summary>True when the author of the SDP will send media.</summary>
    public static bool Sends(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>True when the author of the SDP will receive media.</summary>
    public static bool Receives(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    /// <summary>The direction with the given send and receive abilities.</summary>
    public static SdpDirection FromAbilities(bool sends, bool receives) => (sends, receives) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };

    /// <summary>
    /// The answerer's direction for an offered one (RFC 3264 §6.1): sendonly is answered recvonly,
    /// recvonly sendonly, inactive inactive; <paramref name="local"/> can only narrow it (hold).
    /// </summary>
    public static SdpDirection AnswerTo(this SdpDirection offered, SdpDirection local) =>
        FromAbilities(offered.Receives() && local.Sends(), offered.Sends() && local.Receives());
}
