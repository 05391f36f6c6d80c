using System.Security.Cryptography;
using System.Text;

namespace Telephony.Sip.Tests.Registrar;

/// <summary>An implementation of RFC 7616 qop=auth written apart from SipDigest, so the tests check the registrar against the RFC, not against itself.</summary>
internal static class TestDigest
{
    public static string Ha1(string algorithm, string user, string realm, string password) => H(algorithm, $"{user}:{realm}:{password}");

    public static string Response(string algorithm, string ha1, string method, string uri, string nonce, string nc, string cnonce) =>
        H(algorithm, $"{ha1}:{nonce}:{nc}:{cnonce}:auth:{H(algorithm, $"{method}:{uri}")}");

    private static string H(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5351 // MD5 is the digest algorithm under test.
        var hash = algorithm == "MD5" ? MD5.HashData(bytes) : SHA256.HashData(bytes);
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }
}
