using Telephony.Sip.Messages;

namespace Telephony.Sip.Tests.Registrar;

/// <summary>A phone's side of REGISTER: one Call-ID, increasing CSeq, and digest answers to the registrar's challenges.</summary>
internal sealed class TestPhone(string user, string password, string realm = "telephony")
{
    private uint _cseq;
    private uint _nonceCount;

    public string CallId { get; set; } = SipTag.NewCallId("192.0.2.50");

    public string ToUser { get; set; } = user;

    public string UserName { get; } = user;

    public string Password { get; set; } = password;

    /// <summary>The algorithm to answer with; null takes the first challenge offered.</summary>
    public string? Algorithm { get; set; }

    public SipRequest Register(IEnumerable<string> contacts, string? expires = null, string? authorization = null)
    {
        var builder = SipMessageBuilder.Request(SipMethod.Register, "sip:127.0.0.1")
            .AddHeader(SipHeaderKind.Via, $"SIP/2.0/UDP 192.0.2.50:5062;branch={SipTag.NewBranch()};rport")
            .AddHeader(SipHeaderKind.From, $"<sip:{UserName}@127.0.0.1>;tag={SipTag.NewTag()}")
            .AddHeader(SipHeaderKind.To, $"<sip:{ToUser}@127.0.0.1>")
            .AddHeader(SipHeaderKind.CallId, CallId)
            .AddHeader(SipHeaderKind.CSeq, $"{++_cseq} REGISTER")
            .AddHeader(SipHeaderKind.MaxForwards, "70")
            .AddHeader("User-Agent", "TestPhone/1.0");
        foreach (var contact in contacts)
        {
            builder.AddHeader(SipHeaderKind.Contact, contact);
        }

        if (expires is not null)
        {
            builder.AddHeader(SipHeaderKind.Expires, expires);
        }

        if (authorization is not null)
        {
            builder.AddHeader(SipHeaderKind.Authorization, authorization);
        }

        return (SipRequest)builder.Build();
    }

    /// <summary>The Authorization value answering <paramref name="challenge"/> (a 401), with the next nonce-count.</summary>
    public string Answer(SipResponse challenge, string? nonceCount = null)
    {
        var offer = challenge.WwwAuthenticate.First(c => Algorithm is null || c.Algorithm == Algorithm);
        var algorithm = offer.Algorithm!;
        var nc = nonceCount ?? (++_nonceCount).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        const string uri = "sip:127.0.0.1";
        const string cnonce = "0a4f113b";
        var ha1 = TestDigest.Ha1(algorithm, UserName, realm, Password);
        var response = TestDigest.Response(algorithm, ha1, "REGISTER", uri, offer.Nonce!, nc, cnonce);
        var opaque = offer.Opaque is { } o ? $", opaque=\"{o}\"" : string.Empty;
        return $"Digest username=\"{UserName}\", realm=\"{realm}\", nonce=\"{offer.Nonce}\", uri=\"{uri}\", "
            + $"response=\"{response}\", algorithm={algorithm}, qop=auth, nc={nc}, cnonce=\"{cnonce}\"{opaque}";
    }
}
