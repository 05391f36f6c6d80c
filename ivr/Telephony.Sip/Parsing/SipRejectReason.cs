namespace Telephony.Sip.Parsing;

/// <summary>Why the parser refused a message; <see cref="SipRejection"/> maps each to a status code and reason phrase.</summary>
public enum SipRejectReason
{
    None,
    MessageTooLarge,
    BodyTooLarge,
    TruncatedMessage,
    InvalidRequestLine,
    InvalidStatusLine,
    InvalidRequestUri,
    UnsupportedVersion,
    MalformedLineEnding,
    MalformedHeaderLine,
    TooManyHeaders,
    MissingHeader,
    DuplicateHeader,
    InvalidHeaderValue,
    ContentLengthExceedsDatagram,
    MissingContentLength,
    CSeqMethodMismatch,
}
