using System.Security.Cryptography;
using System.Text;

namespace Telephony.Sip.Authentication;

/// <summary>
/// Digest response computation (RFC 7616 3.4.1, RFC 8760 for SIP): <c>KD(HA1, nonce:nc:cnonce:qop:HA2)</c> with qop=auth,
/// or the RFC 2069 form <c>KD(HA1, nonce:HA2)</c> without qop. HA2 covers method and digest-uri (qop=auth-int is not offered).
/// </summary>
public static class SipDigest
{
    public static string GetAlgorithmName(SipDigestAlgorithm algorithm) => algorithm switch
    {
        SipDigestAlgorithm.Md5 => "MD5",
        SipDigestAlgorithm.Md5Session => "MD5-sess",
        SipDigestAlgorithm.Sha256 => "SHA-256",
        SipDigestAlgorithm.Sha256Session => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Reads the algorithm parameter; absent means MD5 (RFC 7616 3.3).</summary>
    public static bool TryParseAlgorithm(string? name, out SipDigestAlgorithm algorithm)
    {
        algorithm = SipDigestAlgorithm.Md5;
        switch (name?.ToUpperInvariant())
        {
            case null or "MD5":
                return true;
            case "MD5-SESS":
                algorithm = SipDigestAlgorithm.Md5Session;
                return true;
            case "SHA-256":
                algorithm = SipDigestAlgorithm.Sha256;
                return true;
            case "SHA-256-SESS":
                algorithm = SipDigestAlgorithm.Sha256Session;
                return true;
            default:
                return false;
        }
    }

    /// <summary>HA1 = H(username:realm:password), then H(HA1:nonce:cnonce) for -sess. A registrar may store the first part instead of passwords.</summary>
    public static string ComputeHa1(SipDigestAlgorithm algorithm, string userName, string realm, string password, string? nonce = null, string? cnonce = null)
    {
        var ha1 = Hash(algorithm, $"{userName}:{realm}:{password}");
        if (algorithm is SipDigestAlgorithm.Md5Session or SipDigestAlgorithm.Sha256Session)
        {
            ArgumentNullException.ThrowIfNull(nonce);
            ArgumentNullException.ThrowIfNull(cnonce);
            ha1 = Hash(algorithm, $"{ha1}:{nonce}:{cnonce}");
        }

        return ha1;
    }

    /// <summary>The request-digest for the given credentials; <paramref name="qop"/> is "auth" or null (then nc and cnonce are unused).</summary>
    public static string ComputeResponse(
        SipDigestAlgorithm algorithm, string userName, string realm, string password, string method, string digestUri,
        string nonce, string? qop, string? nonceCount, string? cnonce)
    {
        var ha1 = ComputeHa1(algorithm, userName, realm, password, nonce, cnonce);
        return ComputeResponseFromHa1(algorithm, ha1, method, digestUri, nonce, qop, nonceCount, cnonce);
    }

    public static string ComputeResponseFromHa1(
        SipDigestAlgorithm algorithm, string ha1, string method, string digestUri, string nonce, string? qop, string? nonceCount, string? cnonce)
    {
        ArgumentNullException.ThrowIfNull(ha1);
        var ha2 = Hash(algorithm, $"{method}:{digestUri}");
        if (qop is null)
        {
            return Hash(algorithm, $"{ha1}:{nonce}:{ha2}");
        }

        if (!string.Equals(qop, "auth", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Only qop=auth is supported.", nameof(qop));
        }

        ArgumentNullException.ThrowIfNull(nonceCount);
        ArgumentNullException.ThrowIfNull(cnonce);
        return Hash(algorithm, $"{ha1}:{nonce}:{nonceCount}:{cnonce}:{qop}:{ha2}");
    }

    /// <summary>Compares a received response with the expected one in constant time.</summary>
    public static bool ResponsesMatch(string expected, string? received)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (received is null || received.Length != expected.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected.ToLowerInvariant()), Encoding.ASCII.GetBytes(received.ToLowerInvariant()));
    }

    private static string Hash(SipDigestAlgorithm algorithm, string text)
    {
        var input = Encoding.UTF8.GetBytes(text);
        return algorithm is SipDigestAlgorithm.Md5 or SipDigestAlgorithm.Md5Session
#pragma warning disable CA5351 // MD5 is what RFC 7616 and most SIP phones still require; SHA-256 is offered alongside it.
            ? Convert.ToHexStringLower(MD5.HashData(input))
#pragma warning restore CA5351
            : Convert.ToHexStringLower(SHA256.HashData(input));
    }
}
