namespace Telephony.Sip.Parsing;

/// <summary>Limits the parser enforces; bound from configuration by the host as part of the SIP options.</summary>
public sealed class SipParserOptions
{
    public static SipParserOptions Default { get; } = new();

    /// <summary>Largest whole message (start line, headers and body) accepted, in bytes.</summary>
    public int MaxMessageSize { get; init; } = 65535;

    /// <summary>Most header fields accepted in one message.</summary>
    public int MaxHeaderCount { get; init; } = 128;

    /// <summary>Problems with the values, each naming its key; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxMessageSize is < 512 or > 16 * 1024 * 1024)
        {
            problems.Add($"{nameof(MaxMessageSize)} must be between 512 and 16777216 bytes (was {MaxMessageSize}).");
        }

        if (MaxHeaderCount is < 8 or > 4096)
        {
            problems.Add($"{nameof(MaxHeaderCount)} must be between 8 and 4096 (was {MaxHeaderCount}).");
        }

        return problems;
    }
}
