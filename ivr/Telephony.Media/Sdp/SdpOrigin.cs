namespace Telephony.Media.Sdp;

/// <summary>The <c>o=</c> line.</summary>
/// <param name="Username">User name, <c>-</c> when none.</param>
/// <param name="SessionId">Numeric session id (kept as text: peers send values beyond 64 bits).</param>
/// <param name="SessionVersion">Incremented by the author on every changed SDP.</param>
/// <param name="AddressType"><c>IP4</c> or <c>IP6</c>.</param>
/// <param name="Address">The originator's address.</param>
public sealed record SdpOrigin(string Username, string SessionId, ulong SessionVersion, string AddressType, string Address)
{
    /// <inheritdoc />
    public override string ToString() => $"{Username} {SessionId} {SessionVersion} IN {AddressType} {Address}";
}
