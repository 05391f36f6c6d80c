namespace Telephony.Sip.Parsing;

/// <summary>Limits the parser enforces; bound from configuration by the host as part of the SIP options.</summary>
public sealed class SipParserOptions
{
    public static SipParserOptions Default { get; } = new();

    /// <summary>Largest whole message (start line, headers and body) accepted, in bytes.</summary>
    public int MaxMessageSize { get; init; } = 65535;

    /// <summary>Most header fields accepted in one message.</summary>
    public int MaxHeaderCount { get; init; } = 128;
}
