namespace Telephony.Media.Sdp;

/// <summary>The <c>c=</c> line (network type is always IN).</summary>
/// <param name="AddressType"><c>IP4</c> or <c>IP6</c>.</param>
/// <param name="Address">The connection address (multicast TTL suffixes are kept as written).</param>
public sealed record SdpConnection(string AddressType, string Address)
{
    /// <summary>An IPv4 or IPv6 connection for an address string.</summary>
    public static SdpConnection For(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new SdpConnection(address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4", address);
    }

    /// <summary>True for the RFC 2543 hold address 0.0.0.0 (or ::), which still appears in old peers' offers.</summary>
    public bool IsUnspecified => Address is "0.0.0.0" or "::";

    /// <inheritdoc />
    public override string ToString() => $"IN {AddressType} {Address}";
}
