namespace Telephony.Sip.Parsing;

/// <summary>Outcome of one parse attempt.</summary>
public enum SipParseStatus
{
    /// <summary>A whole message was parsed and passed the checks.</summary>
    Complete,

    /// <summary>Stream input ends before the message does; call again with more bytes.</summary>
    Incomplete,

    /// <summary>The input is not an acceptable message; see the <see cref="SipRejection"/>.</summary>
    Rejected,
}
