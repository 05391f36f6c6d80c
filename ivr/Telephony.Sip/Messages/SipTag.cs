using System.Security.Cryptography;

namespace Telephony.Sip.Messages;

/// <summary>Random identifiers: From/To tags, Via branches (with the RFC 3261 magic cookie) and Call-IDs.</summary>
public static class SipTag
{
    public const string BranchMagicCookie = "z9hG4bK";

    /// <summary>A tag with 64 random bits (RFC 3261 19.3 asks for at least 32).</summary>
    public static string NewTag() => RandomHex(8);

    public static string NewBranch() => BranchMagicCookie + RandomHex(12);

    public static string NewCallId(string host) => $"{RandomHex(16)}@{host}";

    private static string RandomHex(int bytes)
    {
        Span<byte> random = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexStringLower(random);
    }
}
