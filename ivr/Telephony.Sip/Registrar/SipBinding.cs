using System.Net;

namespace Telephony.Sip.Registrar;

/// <summary>
/// One registered contact of an address-of-record. <see cref="ContactUri"/> is the Contact URI exactly as the phone sent
/// it (some phones mangle the user part; calls must go to it unchanged). <see cref="Source"/> and <see cref="Transport"/>
/// are where the REGISTER came from, to reach a phone behind NAT.
/// </summary>
public sealed record SipBinding(
    string Aor,
    string ContactUri,
    IPEndPoint Source,
    string Transport,
    DateTimeOffset ExpiresAt,
    double? Q,
    string CallId,
    long CSeq,
    string? UserAgent,
    string? HostId)
{
    /// <summary>Whole seconds left until <see cref="ExpiresAt"/>, never negative.</summary>
    public int RemainingSeconds(DateTimeOffset now) =>
        ExpiresAt <= now ? 0 : (int)Math.Ceiling(Math.Min((ExpiresAt - now).TotalSeconds, int.MaxValue));
}
