using Microsoft.Extensions.Time.Testing;
using Telephony.Sip.Authentication;

namespace Telephony.Sip.Tests.Authentication;

public sealed class SipNonceIssuerTests
{
    private static readonly byte[] s_key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Fresh_nonce_is_valid_and_unique()
    {
        var issuer = new SipNonceIssuer(s_key, TimeSpan.FromMinutes(5), _time);

        var first = issuer.Create();
        var second = issuer.Create();

        Assert.Equal(SipNonceStatus.Valid, issuer.Check(first));
        Assert.NotEqual(first, second);
        Assert.DoesNotContain('=', first);
    }

    [Fact]
    public void Nonce_past_its_lifetime_is_stale()
    {
        var issuer = new SipNonceIssuer(s_key, TimeSpan.FromMinutes(5), _time);
        var nonce = issuer.Create();

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(SipNonceStatus.Valid, issuer.Check(nonce));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SipNonceStatus.Stale, issuer.Check(nonce));
    }

    [Fact]
    public void Nonce_checked_by_another_issuer_with_the_same_key_is_valid()
    {
        var nonce = new SipNonceIssuer(s_key, TimeSpan.FromMinutes(5), _time).Create();

        Assert.Equal(SipNonceStatus.Valid, new SipNonceIssuer(s_key, TimeSpan.FromMinutes(5), _time).Check(nonce));
    }

    [Fact]
    public void Tampered_or_foreign_nonce_is_invalid()
    {
        var issuer = new SipNonceIssuer(s_key, TimeSpan.FromMinutes(5), _time);
        var nonce = issuer.Create();
        var tampered = (nonce[0] == 'A' ? 'B' : 'A') + nonce[1..];
        var foreign = new SipNonceIssuer(new byte[32], TimeSpan.FromMinutes(5), _time).Create();

        Assert.Equal(SipNonceStatus.Invalid, issuer.Check(tampered));
        Assert.Equal(SipNonceStatus.Invalid, issuer.Check(foreign));
        Assert.Equal(SipNonceStatus.Invalid, issuer.Check("not a nonce"));
        Assert.Equal(SipNonceStatus.Invalid, issuer.Check(null));
    }

    [Fact]
    public void Short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => new SipNonceIssuer(new byte[16], TimeSpan.FromMinutes(5), _time));
}
