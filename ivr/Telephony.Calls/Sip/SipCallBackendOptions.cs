using System.Net;
using System.Text.RegularExpressions;

namespace Telephony.Calls.Sip;

/// <summary>Settings of the SIP call backend, bound from the configuration section "Calls:Sip".</summary>
public sealed class SipCallBackendOptions
{
    public const string SectionName = "Calls:Sip";

    /// <summary>Numbers that may be dialled out though nobody registered them (callbacks to citizens through the trunk).</summary>
    public ISet<string> OriginateAllowlist { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// A regular expression (anchor it) for numbers that may be dialled out through the trunk besides the allowlist, such
    /// as the country's local numbers for callbacks to citizens. Null allows only the listed numbers: the IVR never dials
    /// anything else, so no caller can turn the hotline into a free line abroad.
    /// </summary>
    public string? OriginatePattern { get; set; }

    /// <summary>True when <paramref name="number"/> may go out through the trunk though nobody registered it.</summary>
    public bool MayDialOut(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return OriginateAllowlist.Contains(number)
            || (OriginatePattern is { } pattern && Regex.IsMatch(number, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
    }

    /// <summary>Where allow-listed numbers are sent (the trunk or outbound proxy); without it they are unreachable.</summary>
    public IPEndPoint? OutboundTrunk { get; set; }

    /// <summary>The host written in From/To of calls we place (our domain); the trunk's address when unset.</summary>
    public string Domain { get; set; } = "localhost";
}
