using Telephony.Host.Identity;

namespace Telephony.Host.Tests.Identity;

public sealed class PasswordHasherTests
{
    [Fact]
    public void Verify_right_password_matches_and_wrong_one_does_not()
    {
        var stored = PasswordHasher.Hash("correct horse");

        Assert.True(PasswordHasher.Verify("correct horse", stored));
        Assert.False(PasswordHasher.Verify("correct horsE", stored));
    }

    [Fact]
    public void Hash_is_salted_and_never_contains_the_password()
    {
        var first = PasswordHasher.Hash("secret-pass");
        var second = PasswordHasher.Hash("secret-pass");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("secret-pass", first, StringComparison.Ordinal);
        Assert.StartsWith("pbkdf2-sha256$210000$", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("md5$abc")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA")]
    public void Verify_malformed_stored_hash_never_matches(string stored)
    {
        Assert.False(PasswordHasher.Verify("anything", stored));
    }

    [Fact]
    public void Generate_gives_distinct_16_character_passwords()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => PasswordHasher.Generate()).ToList();

        Assert.All(passwords, p => Assert.Equal(16, p.Length));
        Assert.Equal(50, passwords.Distinct().Count());
    }

    [Fact]
    public void SipDigest_ha1_is_the_hex_digest_of_user_realm_password()
    {
        // Inputs of RFC 7616 section 3.9.1; expected values computed independently (python hashlib).
        Assert.Equal("3d78807defe7de2157e2b0b6573a855f", SipDigest.Ha1Md5("Mufasa", "http-auth@example.org", "Circle of Life"));
        Assert.Equal("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232",
            SipDigest.Ha1Sha256("Mufasa", "http-auth@example.org", "Circle of Life"));
    }
}
