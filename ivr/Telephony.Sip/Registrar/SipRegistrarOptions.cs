using Telephony.Sip.Authentication;

namespace Telephony.Sip.Registrar;

/// <summary>Registrar policy. Defaults follow the brief: realm "telephony", 3600 s default and maximum, 60 s minimum, 5 failures in 5 minutes lock for 5 minutes.</summary>
public sealed class SipRegistrarOptions
{
    public string Realm { get; set; } = "telephony";

    /// <summary>Secret (at least 32 bytes) that signs nonces; every host sharing registrations must use the same one.</summary>
    public ReadOnlyMemory<byte> NonceKey { get; set; }

    /// <summary>
    /// The digest algorithms offered, one WWW-Authenticate each, in this order (phones take the first they support, so
    /// SHA-256 leads, RFC 8760). Only MD5 and SHA-256; credentials with an algorithm not offered are challenged again.
    /// </summary>
    public IReadOnlyList<SipDigestAlgorithm> Algorithms { get; set; } = [SipDigestAlgorithm.Sha256, SipDigestAlgorithm.Md5];

    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sent in every challenge and required back when set.</summary>
    public string? Opaque { get; set; }

    public int DefaultExpiresSeconds { get; set; } = 3600;

    public int MaxExpiresSeconds { get; set; } = 3600;

    public int MinExpiresSeconds { get; set; } = 60;

    /// <summary>Failures per source IP, and separately per user name, that lock it out; 0 turns the limit off.</summary>
    public int FailureLimit { get; set; } = 5;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Written into each binding so shared stores tell which host took the registration.</summary>
    public string? HostId { get; set; }

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Realm);
        if (NonceKey.Length < 32)
        {
            throw new ArgumentException("SipRegistrarOptions.NonceKey needs at least 32 bytes.");
        }

        if (Algorithms is null || Algorithms.Count == 0 || Algorithms.Any(a => a is not (SipDigestAlgorithm.Md5 or SipDigestAlgorithm.Sha256)))
        {
            throw new ArgumentException("SipRegistrarOptions.Algorithms needs MD5 and/or SHA-256, nothing else.");
        }

        if (MinExpiresSeconds < 1 || MaxExpiresSeconds < MinExpiresSeconds || DefaultExpiresSeconds < MinExpiresSeconds)
        {
            throw new ArgumentException("SipRegistrarOptions needs 1 <= MinExpiresSeconds <= DefaultExpiresSeconds and MaxExpiresSeconds.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(FailureLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(NonceLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FailureWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LockoutDuration, TimeSpan.Zero);
    }
}
