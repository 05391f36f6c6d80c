using Telephony.Sip.Authentication;

namespace Telephony.Sip.Tests.Authentication;

public sealed class SipDigestTests
{
    // RFC 7616 section 3.9.1: the same request answered with MD5 and with SHA-256.
    private const string UserName = "Mufasa";
    private const string Password = "Circle of Life";
    private const string Realm = "http-auth@example.org";
    private const string Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string CNonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private const string Uri = "/dir/index.html";

    [Theory]
    [InlineData(SipDigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(SipDigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void ComputeResponse_matches_rfc7616_example(SipDigestAlgorithm algorithm, string expected)
    {
        var response = SipDigest.ComputeResponse(algorithm, UserName, Realm, Password, "GET", Uri, Nonce, "auth", "00000001", CNonce);

        Assert.Equal(expected, response);
    }

    [Fact]
    public void ComputeResponse_without_qop_uses_the_rfc2069_form()
    {
        // RFC 2617 3.5 would give a different value with qop; without it the response is H(HA1:nonce:HA2).
        var ha1 = SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, UserName, Realm, Password);
        var withoutQop = SipDigest.ComputeResponseFromHa1(SipDigestAlgorithm.Md5, ha1, "REGISTER", "sip:example.com", Nonce, null, null, null);
        var withQop = SipDigest.ComputeResponseFromHa1(SipDigestAlgorithm.Md5, ha1, "REGISTER", "sip:example.com", Nonce, "auth", "00000001", CNonce);

        Assert.Equal(32, withoutQop.Length);
        Assert.NotEqual(withQop, withoutQop);
    }

    [Fact]
    public void Session_variant_folds_nonces_into_ha1()
    {
        var plain = SipDigest.ComputeHa1(SipDigestAlgorithm.Sha256, UserName, Realm, Password);
        var session = SipDigest.ComputeHa1(SipDigestAlgorithm.Sha256Session, UserName, Realm, Password, Nonce, CNonce);

        Assert.NotEqual(plain, session);
        Assert.Equal(64, session.Length);
    }

    [Theory]
    [InlineData(null, SipDigestAlgorithm.Md5)]
    [InlineData("md5", SipDigestAlgorithm.Md5)]
    [InlineData("SHA-256", SipDigestAlgorithm.Sha256)]
    [InlineData("SHA-256-sess", SipDigestAlgorithm.Sha256Session)]
    public void TryParseAlgorithm_reads_known_names(string? name, SipDigestAlgorithm expected)
    {
        Assert.True(SipDigest.TryParseAlgorithm(name, out var algorithm));
        Assert.Equal(expected, algorithm);
    }

    [Fact]
    public void TryParseAlgorithm_refuses_unknown_names() => Assert.False(SipDigest.TryParseAlgorithm("SHA-512-256", out _));

    [Fact]
    public void ResponsesMatch_ignores_hex_case_and_refuses_others()
    {
        Assert.True(SipDigest.ResponsesMatch("8ca523f5e9506fed4657c9700eebdbec", "8CA523F5E9506FED4657C9700EEBDBEC"));
        Assert.False(SipDigest.ResponsesMatch("8ca523f5e9506fed4657c9700eebdbec", "8ca523f5e9506fed4657c9700eebdbed"));
        Assert.False(SipDigest.ResponsesMatch("8ca523f5e9506fed4657c9700eebdbec", null));
    }
}
