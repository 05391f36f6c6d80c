using System.Security.Cryptography;
using System.Text;

namespace Telephony.Host.Identity;

/// <summary>The stored form of a SIP password: HA1 = H(username:realm:password) for MD5 and SHA-256 (RFC 7616, RFC 8760).</summary>
public static class SipDigest
{
    public static string Ha1Md5(string username, string realm, string password) =>
#pragma warning disable CA5351 // MD5 is what RFC 2617/7616 digest requires of phones that offer nothing better.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{username}:{realm}:{password}")));
#pragma warning restore CA5351

    public static string Ha1Sha256(string username, string realm, string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{username}:{realm}:{password}")));
}
