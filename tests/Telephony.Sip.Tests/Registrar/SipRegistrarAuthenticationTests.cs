using Telephony.Sip.Authentication;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Tests.Registrar;

public sealed class SipRegistrarAuthenticationTests
{
    private const string Contact = "<sip:1001@192.0.2.50:5062>";

    [Fact]
    public async Task Register_without_credentials_gets_401_with_sha256_then_md5_challenges()
    {
        var harness = new RegistrarHarness(o => o.Opaque = "op42");

        var response = await harness.SendAsync(new TestPhone("1001", "right-pass").Register([Contact]));

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(["SHA-256", "MD5"], response.WwwAuthenticate.Select(c => c.Algorithm));
        Assert.All(response.WwwAuthenticate, c =>
        {
            Assert.True(c.IsDigest);
            Assert.Equal("telephony", c.Realm);
            Assert.Equal("auth", c.Qop);
            Assert.Equal("op42", c.Opaque);
            Assert.False(c.Stale);
            Assert.False(string.IsNullOrEmpty(c.Nonce));
        });
        Assert.Empty(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_challenge_as_a_known_user()
    {
        var harness = new RegistrarHarness();

        var known = await harness.SendAsync(new TestPhone("1001", "x").Register([Contact]));
        var unknown = await harness.SendAsync(new TestPhone("9999", "x").Register(["<sip:9999@192.0.2.50>"]));

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.ReasonPhrase, unknown.ReasonPhrase);
        Assert.Equal(Shape(known), Shape(unknown));
    }

    [Theory]
    [InlineData("SHA-256")]
    [InlineData("MD5")]
    public async Task Right_digest_with_qop_auth_registers_the_contact(string algorithm)
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "right-pass") { Algorithm = algorithm };

        var response = await harness.RegisterAsync(phone, Contact);

        Assert.Equal(200, response.StatusCode);
        var binding = Assert.Single(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
        Assert.Equal("sip:1001@192.0.2.50:5062", binding.ContactUri);
    }

    [Theory]
    [InlineData("SHA-256")]
    [InlineData("MD5")]
    public async Task Wrong_password_gets_403_and_binds_nothing(string algorithm)
    {
        var harness = new RegistrarHarness();

        var response = await harness.RegisterAsync(new TestPhone("1001", "wrong-pass") { Algorithm = algorithm }, Contact);

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("Forbidden", response.ReasonPhrase);
        Assert.Empty(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_user_fails_exactly_like_a_wrong_password_after_the_same_lookup()
    {
        var harness = new RegistrarHarness();

        var wrong = await harness.RegisterAsync(new TestPhone("1001", "wrong-pass"), Contact);
        var unknown = await harness.RegisterAsync(new TestPhone("9999", "any-pass"), "<sip:9999@192.0.2.50>");

        Assert.Equal((wrong.StatusCode, wrong.ReasonPhrase), (unknown.StatusCode, unknown.ReasonPhrase));
        Assert.Equal(Shape(wrong), Shape(unknown));
        Assert.Equal(["1001", "9999"], harness.Credentials.LookedUp);
    }

    [Fact]
    public async Task Right_digest_on_an_expired_nonce_gets_a_stale_challenge_and_then_registers()
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "right-pass");
        var challenge = await harness.SendAsync(phone.Register([Contact]));
        harness.Time.Advance(harness.Options.NonceLifetime + TimeSpan.FromSeconds(1));

        var stale = await harness.SendAsync(phone.Register([Contact], authorization: phone.Answer(challenge)));

        Assert.Equal(401, stale.StatusCode);
        Assert.All(stale.WwwAuthenticate, c => Assert.True(c.Stale));
        var ok = await harness.SendAsync(phone.Register([Contact], authorization: phone.Answer(stale)));
        Assert.Equal(200, ok.StatusCode);
    }

    [Fact]
    public async Task Wrong_digest_on_an_expired_nonce_is_a_failure_not_stale()
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "wrong-pass");
        var challenge = await harness.SendAsync(phone.Register([Contact]));
        harness.Time.Advance(harness.Options.NonceLifetime + TimeSpan.FromSeconds(1));

        var response = await harness.SendAsync(phone.Register([Contact], authorization: phone.Answer(challenge)));

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task Replayed_nonce_count_is_challenged_again_and_a_higher_count_is_accepted()
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "right-pass");
        var challenge = await harness.SendAsync(phone.Register([Contact]));
        var first = phone.Answer(challenge, "00000001");
        Assert.Equal(200, (await harness.SendAsync(phone.Register([Contact], authorization: first))).StatusCode);

        var replay = await harness.SendAsync(phone.Register(["<sip:attacker@203.0.113.9>"], authorization: first));
        var next = await harness.SendAsync(phone.Register([Contact], authorization: phone.Answer(challenge, "00000002")));

        Assert.Equal(401, replay.StatusCode);
        Assert.All(replay.WwwAuthenticate, c => Assert.True(c.Stale));
        Assert.Equal(200, next.StatusCode);
        Assert.DoesNotContain(await harness.Store.FindContactsAsync("1001", CancellationToken.None), b => b.ContactUri.Contains("attacker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forged_nonce_gets_a_fresh_challenge()
    {
        var harness = new RegistrarHarness();
        var other = new RegistrarHarness(o => o.NonceKey = Enumerable.Repeat((byte)7, 32).ToArray());
        var phone = new TestPhone("1001", "right-pass");
        var foreignChallenge = await other.SendAsync(phone.Register([Contact]));

        var response = await harness.SendAsync(phone.Register([Contact], authorization: phone.Answer(foreignChallenge)));

        Assert.Equal(401, response.StatusCode);
        Assert.All(response.WwwAuthenticate, c => Assert.False(c.Stale));
    }

    [Fact]
    public async Task Credentials_of_one_user_for_another_users_aor_get_403()
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "right-pass") { ToUser = "1002" };

        var response = await harness.RegisterAsync(phone, "<sip:1002@192.0.2.50>");

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(await harness.Store.FindContactsAsync("1002", CancellationToken.None));
        Assert.Empty(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
    }

    [Fact]
    public async Task Md5_answer_when_only_sha256_is_offered_is_challenged_again()
    {
        var harness = new RegistrarHarness(o => o.Algorithms = [SipDigestAlgorithm.Sha256]);
        var phone = new TestPhone("1001", "right-pass");
        var challenge = await harness.SendAsync(phone.Register([Contact]));
        var md5 = phone.Answer(challenge).Replace("algorithm=SHA-256", "algorithm=MD5", StringComparison.Ordinal);

        var response = await harness.SendAsync(phone.Register([Contact], authorization: md5));

        Assert.Equal(["SHA-256"], challenge.WwwAuthenticate.Select(c => c.Algorithm));
        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_opaque_is_challenged_again_and_the_right_one_registers()
    {
        var harness = new RegistrarHarness(o => o.Opaque = "op42");
        var phone = new TestPhone("1001", "right-pass");
        var challenge = await harness.SendAsync(phone.Register([Contact]));
        var wrongOpaque = phone.Answer(challenge).Replace("opaque=\"op42\"", "opaque=\"other\"", StringComparison.Ordinal);

        var refused = await harness.SendAsync(phone.Register([Contact], authorization: wrongOpaque));
        var accepted = await harness.SendAsync(phone.Register([Contact], authorization: phone.Answer(challenge)));

        Assert.Equal(401, refused.StatusCode);
        Assert.Equal(200, accepted.StatusCode);
    }

    [Fact]
    public async Task Digest_without_qop_is_challenged_again()
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "right-pass");
        var challenge = await harness.SendAsync(phone.Register([Contact]));
        var noQop = phone.Answer(challenge).Replace(", qop=auth", string.Empty, StringComparison.Ordinal);

        var response = await harness.SendAsync(phone.Register([Contact], authorization: noQop));

        Assert.Equal(401, response.StatusCode);
    }

    private static string Shape(SipResponse response) =>
        string.Join("|", response.WwwAuthenticate.Select(c =>
            string.Join(",", c.Parameters.Select(p => p.Name + "=" + (p.Name == "nonce" ? "N" : p.Value)))));
}
