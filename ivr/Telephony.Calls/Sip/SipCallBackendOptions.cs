using System.Net;

namespace Telephony.Calls.Sip;

/// <summary>Settings of the SIP call backend, bound from the configuration section "Calls:Sip".</summary>
public sealed class SipCallBackendOptions
{
    public const string SectionName = "Calls:Sip";

    /// <summary>Numbers that may be dialled out though nobody registered them (callbacks to citizens through the trunk).</summary>
    public ISet<string> OriginateAllowlist { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Where allow-listed numbers are sent (the trunk or outbound proxy); without it they are unreachable.</summary>
    public IPEndPoint? OutboundTrunk { get; set; }

    /// <summary>The host written in From/To of calls we place (our domain); the trunk's address when unset.</summary>
    public string Domain { get; set; } = "localhost";
}
