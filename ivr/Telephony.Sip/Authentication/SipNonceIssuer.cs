using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Telephony.Sip.Authentication;

/// <summary>
/// Stateless nonces: <c>base64url(issued-at | 8 random bytes | HMAC-SHA256(key, issued-at | random)[..16])</c>. Any process
/// holding the key can tell an issued nonce from a forged one and whether it is past its lifetime, with nothing stored.
/// Replay within the lifetime is bounded by the nonce-count check of the layer that keeps per-nonce state, if any.
/// </summary>
public sealed class SipNonceIssuer
{
    private const int TimestampLength = 8;
    private const int RandomLength = 8;
    private const int MacLength = 16;
    private const int NonceLength = TimestampLength + RandomLength + MacLength;

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lifetime;

    /// <param name="key">Secret of at least 32 bytes shared by every process that checks the nonces.</param>
    public SipNonceIssuer(ReadOnlySpan<byte> key, TimeSpan lifetime, TimeProvider timeProvider)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The nonce key needs at least 32 bytes.", nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _key = key.ToArray();
        _lifetime = lifetime;
        _timeProvider = timeProvider;
    }

    public string Create()
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        BinaryPrimitives.WriteInt64BigEndian(nonce, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce.Slice(TimestampLength, RandomLength));
        Sign(nonce[..(TimestampLength + RandomLength)], nonce[(TimestampLength + RandomLength)..]);
        return Base64Url(nonce);
    }

    public SipNonceStatus Check(string? nonce)
    {
        Span<byte> bytes = stackalloc byte[NonceLength + 3];
        if (nonce is null || nonce.Length > 64 || !TryDecodeBase64Url(nonce, bytes, out var length) || length != NonceLength)
        {
            return SipNonceStatus.Invalid;
        }

        var decoded = bytes[..NonceLength];
        Span<byte> expectedMac = stackalloc byte[MacLength];
        Sign(decoded[..(TimestampLength + RandomLength)], expectedMac);
        if (!CryptographicOperations.FixedTimeEquals(expectedMac, decoded[(TimestampLength + RandomLength)..]))
        {
            return SipNonceStatus.Invalid;
        }

        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(decoded));
        var age = _timeProvider.GetUtcNow() - issuedAt;
        return age < TimeSpan.Zero || age > _lifetime ? SipNonceStatus.Stale : SipNonceStatus.Valid;
    }

    private void Sign(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, data, full);
        full[..MacLength].CopyTo(mac);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecodeBase64Url(string text, Span<byte> destination, out int written)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch
        {
            2 => "==",
            3 => "=",
            _ => string.Empty,
        };
        return Convert.TryFromBase64String(padded, destination, out written);
    }
}
