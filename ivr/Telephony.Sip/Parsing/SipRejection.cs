using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>
/// A refused message: the reason, the header at fault (when one is), and the status code and reason phrase a UAS
/// answers a request with (responses are dropped). Reason phrases name the fault, e.g. "Missing Call-ID header".
/// </summary>
public readonly struct SipRejection : IEquatable<SipRejection>
{
    private static readonly int s_headerKindCount = Enum.GetValues<SipHeaderKind>().Length;
    private static readonly string?[] s_phrases = new string?[Enum.GetValues<SipRejectReason>().Length * s_headerKindCount];

    public SipRejection(SipRejectReason reason, SipHeaderKind header = SipHeaderKind.Extension)
    {
        Reason = reason;
        Header = header;
    }

    public SipRejectReason Reason { get; }

    /// <summary>The header at fault for the header-related reasons; <see cref="SipHeaderKind.Extension"/> otherwise.</summary>
    public SipHeaderKind Header { get; }

    public int StatusCode => Reason switch
    {
        SipRejectReason.None => 0,
        SipRejectReason.MessageTooLarge => 513,
        SipRejectReason.BodyTooLarge => 413,
        SipRejectReason.UnsupportedVersion => 505,
        _ => 400,
    };

    public string ReasonPhrase
    {
        get
        {
            var index = ((int)Reason * s_headerKindCount) + (int)Header;
            return s_phrases[index] ??= BuildPhrase(Reason, Header);
        }
    }

    public static bool operator ==(SipRejection left, SipRejection right) => left.Equals(right);

    public static bool operator !=(SipRejection left, SipRejection right) => !left.Equals(right);

    public bool Equals(SipRejection other) => Reason == other.Reason && Header == other.Header;

    public override bool Equals(object? obj) => obj is SipRejection other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Reason, Header);

    public override string ToString() => $"{StatusCode} {ReasonPhrase}";

    private static string BuildPhrase(SipRejectReason reason, SipHeaderKind header)
    {
        var name = SipHeaderNames.GetName(header);
        return reason switch
        {
            SipRejectReason.None => string.Empty,
            SipRejectReason.MessageTooLarge => "Message Too Large",
            SipRejectReason.BodyTooLarge => "Request Entity Too Large",
            SipRejectReason.TruncatedMessage => "Truncated message",
            SipRejectReason.InvalidRequestLine => "Malformed request line",
            SipRejectReason.InvalidStatusLine => "Malformed status line",
            SipRejectReason.InvalidRequestUri => "Malformed Request-URI",
            SipRejectReason.UnsupportedVersion => "Version Not Supported",
            SipRejectReason.MalformedLineEnding => "Malformed line ending",
            SipRejectReason.MalformedHeaderLine => "Malformed header line",
            SipRejectReason.TooManyHeaders => "Too many header fields",
            SipRejectReason.MissingHeader => $"Missing {name} header",
            SipRejectReason.DuplicateHeader => $"Multiple {name} headers",
            SipRejectReason.InvalidHeaderValue => $"Invalid {name} header",
            SipRejectReason.ContentLengthExceedsDatagram => "Content-Length larger than message",
            SipRejectReason.MissingContentLength => "Missing Content-Length header",
            SipRejectReason.CSeqMethodMismatch => "CSeq method does not match request method",
            _ => "Bad Request",
        };
    }
}
