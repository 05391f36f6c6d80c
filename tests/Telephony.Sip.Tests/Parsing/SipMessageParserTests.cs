using System.Text;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Tests.Parsing;

public sealed class SipMessageParserTests
{
    private const string Dialog =
        "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds;received=198.51.100.7;rport=5062;maddr=224.2.0.1;ttl=16\r\n" +
        "From: \"A \\\"quoted\\\" name\" <sip:alice@example.com>;tag=1928301774\r\n" +
        "To: Bob <sip:bob@example.com>\r\n" +
        "Call-ID: a84b4c76e66710@pc33.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n";

    private readonly SipMessageParser _parser = new();

    [Fact]
    public void Compact_and_mixed_case_names_map_to_the_same_headers()
    {
        var message = ParseRequest(
            "INVITE sip:bob@example.com SIP/2.0\r\n" +
            "v: SIP/2.0/UDP h1;branch=z9hG4bK1\r\nf: <sip:a@example.com>;tag=x\r\nT: <sip:b@example.com>\r\ni: id-1\r\n" +
            "cSeQ: 1 INVITE\r\nm: <sip:a@192.0.2.1>\r\nk: 100rel, timer\r\no: dialog;id=7\r\nr: <sip:c@example.com>\r\n" +
            "c: application/sdp\r\nl: 0\r\n\r\n");

        Assert.Equal("id-1", message.CallId);
        Assert.Equal("x", message.From.Tag);
        Assert.Equal(["100rel", "timer"], message.Supported);
        Assert.Equal("dialog", message.Event!.Value);
        Assert.Equal("7", message.Event.Parameters["id"]);
        Assert.Equal("sip:c@example.com", message.ReferTo!.Uri.ToString());
        Assert.Equal("application/sdp", message.ContentType);
        Assert.Equal("id-1", message.GetHeaderValue("call-id"));
        Assert.Equal("id-1", message.GetHeaderValue("I"));
    }

    [Fact]
    public void Via_parameters_are_exposed()
    {
        var via = ParseRequest("INVITE sip:bob@example.com SIP/2.0\r\n" + Dialog + "Content-Length: 0\r\n\r\n").Via[0];

        Assert.Equal("SIP/2.0", via.Protocol);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("192.0.2.1", via.Host);
        Assert.Equal(5060, via.Port);
        Assert.Equal("z9hG4bK776asdhds", via.Branch);
        Assert.Equal("198.51.100.7", via.Received);
        Assert.Equal(5062, via.RPort);
        Assert.Equal("224.2.0.1", via.MAddr);
        Assert.Equal(16, via.Ttl);
        Assert.True(via.HasRfc3261Branch);
    }

    [Fact]
    public void Repeated_and_comma_separated_values_are_all_listed_in_order()
    {
        var message = ParseRequest(
            "INVITE sip:bob@example.com SIP/2.0\r\n" + Dialog +
            "Via: SIP/2.0/TCP [2001:db8::1]:5070;branch=z9hG4bK2, SIP/2.0/TLS proxy.example.com;branch=z9hG4bK3\r\n" +
            "Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\nRoute: <sip:p3.example.com;lr>\r\n" +
            "Record-Route: <sip:rr.example.com;lr>\r\nAllow: INVITE, ACK,BYE\r\nAllow: REFER\r\n" +
            "Require: timer\r\nUnsupported: foo\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(["192.0.2.1", "[2001:db8::1]", "proxy.example.com"], message.Via.Select(via => via.Host));
        Assert.Equal(5070, message.Via[1].Port);
        Assert.Equal(["p1.example.com", "p2.example.com", "p3.example.com"], message.Route.Select(route => route.Uri.Host));
        Assert.True(message.Route[0].Uri.IsLooseRouter);
        Assert.Single(message.RecordRoute);
        Assert.Equal(["INVITE", "ACK", "BYE", "REFER"], message.Allow);
        Assert.Equal(["timer"], message.Require);
        Assert.Equal(["foo"], message.Unsupported);
    }

    [Fact]
    public void Folded_header_value_is_read_as_one_value()
    {
        var message = ParseRequest(
            "INVITE sip:bob@example.com SIP/2.0\r\n" + Dialog + "Subject: I know you're there,\r\n\tpick up the phone\r\n  and talk to me!\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal("I know you're there,\r\n\tpick up the phone\r\n  and talk to me!", message.GetHeaderValue("Subject"));
    }

    [Fact]
    public void Quoted_display_name_escapes_are_decoded()
    {
        var message = ParseRequest("INVITE sip:bob@example.com SIP/2.0\r\n" + Dialog + "Content-Length: 0\r\n\r\n");

        Assert.Equal("A \"quoted\" name", message.From.DisplayName);
        Assert.Equal("Bob", message.To.DisplayName);
        Assert.Null(message.To.Tag);
    }

    [Fact]
    public void Uri_parts_parameters_headers_and_escapes_are_decoded()
    {
        var uri = SipUri.Parse("sips:al%69ce:secret@[2001:db8::10]:5061;transport=tcp;lr;x%3D=1?subject=project%20x&priority=urgent");

        Assert.Equal(SipUriScheme.Sips, uri.Scheme);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secret", uri.Password);
        Assert.Equal("[2001:db8::10]", uri.Host);
        Assert.True(uri.IsIPv6Reference);
        Assert.Equal(5061, uri.Port);
        Assert.Equal("tcp", uri.Transport);
        Assert.True(uri.IsLooseRouter);
        Assert.Equal("1", uri.Parameters["x="]);
        Assert.Equal("project x", uri.Headers["subject"]);
        Assert.Equal("urgent", uri.Headers["priority"]);
    }

    [Theory]
    [InlineData("tel:+994-12-555-0100;phone-context=+994", SipUriScheme.Tel, "+994-12-555-0100")]
    [InlineData("sip:+99412555@gw.example.com;user=phone", SipUriScheme.Sip, "+99412555")]
    [InlineData("urn:service:sos", SipUriScheme.Other, null)]
    public void Uri_schemes_are_recognised(string text, SipUriScheme scheme, string? user)
    {
        var uri = SipUri.Parse(text);

        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(user, uri.User);
        Assert.Equal(text, uri.ToString());
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:user@")]
    [InlineData("sip:[2001:db8::1")]
    [InlineData("sip:host:99999")]
    [InlineData("sip:host;=x")]
    [InlineData("sip:us er@host")]
    [InlineData("sip:host?novalue")]
    [InlineData("1sip:host")]
    public void Malformed_uris_are_refused(string text)
    {
        Assert.False(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void Contact_wildcard_expires_and_q_are_exposed()
    {
        var register = ParseRequest(
            "REGISTER sip:example.com SIP/2.0\r\n" + Dialog.Replace("INVITE", "REGISTER", StringComparison.Ordinal) +
            "Contact: <sip:a@192.0.2.1>;expires=3600;q=0.7, \"Desk\" <sip:a@192.0.2.2>;expires=99999999999\r\nExpires: 120\r\nContent-Length: 0\r\n\r\n");
        var wildcard = ParseRequest(
            "REGISTER sip:example.com SIP/2.0\r\n" + Dialog.Replace("INVITE", "REGISTER", StringComparison.Ordinal) + "Contact: *\r\nExpires: 0\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(2, register.Contact.Count);
        Assert.Equal(3600u, register.Contact[0].Expires);
        Assert.Equal(0.7, register.Contact[0].Q);
        Assert.Equal(uint.MaxValue, register.Contact[1].Expires);
        Assert.Equal("Desk", register.Contact[1].Address!.DisplayName);
        Assert.Equal(120u, register.Expires);
        Assert.True(Assert.Single(wildcard.Contact).IsWildcard);
        Assert.Equal(0u, wildcard.Expires);
    }

    [Fact]
    public void Digest_challenge_and_credentials_parameters_are_unquoted()
    {
        var response = ParseResponse(
            "SIP/2.0 401 Unauthorized\r\n" + Dialog +
            "WWW-Authenticate: Digest realm=\"hotline.example.gov\", nonce=\"abc,def\", qop=\"auth\", algorithm=SHA-256, stale=TRUE, opaque=\"xyz\"\r\n" +
            "Retry-After: 120 (maintenance);duration=3600\r\nContent-Length: 0\r\n\r\n");
        var request = ParseRequest(
            "REGISTER sip:example.com SIP/2.0\r\n" + Dialog.Replace("INVITE", "REGISTER", StringComparison.Ordinal) +
            "Authorization: Digest username=\"1001\", realm=\"hotline.example.gov\", nonce=\"abc,def\", uri=\"sip:example.com\",\r\n response=\"0a1b\", qop=auth, nc=00000001, cnonce=\"c1\"\r\nContent-Length: 0\r\n\r\n");

        var challenge = Assert.Single(response.WwwAuthenticate);
        Assert.True(challenge.IsDigest);
        Assert.Equal("hotline.example.gov", challenge.Realm);
        Assert.Equal("abc,def", challenge.Nonce);
        Assert.Equal("auth", challenge.Qop);
        Assert.Equal("SHA-256", challenge.Algorithm);
        Assert.True(challenge.Stale);
        Assert.Equal("xyz", challenge.Opaque);
        var credentials = Assert.Single(request.Authorization);
        Assert.Equal("1001", credentials.UserName);
        Assert.Equal("sip:example.com", credentials.Uri);
        Assert.Equal("0a1b", credentials.Response);
        Assert.Equal("00000001", credentials.NonceCount);
        Assert.Equal("c1", credentials.CNonce);
        Assert.Equal(120u, response.RetryAfter!.Seconds);
        Assert.Equal("maintenance", response.RetryAfter.Comment);
        Assert.Equal(3600u, response.RetryAfter.Duration);
    }

    [Fact]
    public void Datagram_without_content_length_takes_the_rest_as_body()
    {
        var message = ParseRequest("MESSAGE sip:bob@example.com SIP/2.0\r\n" + Dialog.Replace("INVITE", "MESSAGE", StringComparison.Ordinal) + "\r\nhello");

        Assert.Equal("hello"u8.ToArray(), message.Body.ToArray());
    }

    [Fact]
    public void Datagram_octets_past_content_length_are_ignored()
    {
        var message = ParseRequest("MESSAGE sip:bob@example.com SIP/2.0\r\n" + Dialog.Replace("INVITE", "MESSAGE", StringComparison.Ordinal) + "Content-Length: 2\r\n\r\nhello");

        Assert.Equal("he"u8.ToArray(), message.Body.ToArray());
        Assert.EndsWith("\r\n\r\nhe", message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Datagram_past_the_size_limit_is_rejected_with_513_and_can_be_answered()
    {
        var parser = new SipMessageParser(new SipParserOptions { MaxMessageSize = 512 });
        var bytes = Encoding.UTF8.GetBytes("INVITE sip:bob@example.com SIP/2.0\r\n" + Dialog + "\r\n" + new string('x', 600));

        var status = parser.ParseDatagram(bytes, out var message, out var rejection);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(513, rejection.StatusCode);
        Assert.Equal("Message Too Large", rejection.ReasonPhrase);
        Assert.NotNull(message);
    }

    [Theory]
    [InlineData("Call-ID", SipHeaderKind.CallId, "Missing Call-ID header")]
    [InlineData("CSeq", SipHeaderKind.CSeq, "Missing CSeq header")]
    [InlineData("Via", SipHeaderKind.Via, "Missing Via header")]
    [InlineData("To", SipHeaderKind.To, "Missing To header")]
    public void Missing_required_header_is_rejected_naming_it(string header, SipHeaderKind kind, string phrase)
    {
        var lines = Dialog.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith(header + ":", StringComparison.Ordinal));
        var bytes = Encoding.UTF8.GetBytes("INVITE sip:bob@example.com SIP/2.0\r\n" + string.Join("\r\n", lines) + "\r\nContent-Length: 0\r\n\r\n");

        var status = _parser.ParseDatagram(bytes, out var message, out var rejection);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(new SipRejection(SipRejectReason.MissingHeader, kind), rejection);
        Assert.Equal(400, rejection.StatusCode);
        Assert.Equal(phrase, rejection.ReasonPhrase);
        Assert.NotNull(message);
    }

    [Fact]
    public void Too_many_headers_are_rejected()
    {
        var parser = new SipMessageParser(new SipParserOptions { MaxHeaderCount = 8 });
        var bytes = Encoding.UTF8.GetBytes("INVITE sip:bob@example.com SIP/2.0\r\n" + Dialog + string.Concat(Enumerable.Repeat("X-A: 1\r\n", 5)) + "\r\n");

        Assert.Equal(SipParseStatus.Rejected, parser.ParseDatagram(bytes, out _, out var rejection));
        Assert.Equal(SipRejectReason.TooManyHeaders, rejection.Reason);
    }

    [Fact]
    public void Unusable_options_stop_construction_naming_the_key()
    {
        var exception = Assert.Throws<ArgumentException>(() => new SipMessageParser(new SipParserOptions { MaxMessageSize = 10, MaxHeaderCount = 2 }));

        Assert.Contains("MaxMessageSize", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MaxHeaderCount", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_alive_datagram_is_incomplete_not_rejected()
    {
        Assert.Equal(SipParseStatus.Incomplete, _parser.ParseDatagram("\r\n\r\n"u8.ToArray(), out var message, out _));
        Assert.Null(message);
    }

    [Fact]
    public void ParseDatagramCopy_keeps_no_reference_to_the_receive_buffer()
    {
        var buffer = Encoding.UTF8.GetBytes("OPTIONS sip:bob@example.com SIP/2.0\r\n" + Dialog.Replace("INVITE", "OPTIONS", StringComparison.Ordinal) + "\r\n");

        Assert.Equal(SipParseStatus.Complete, _parser.ParseDatagramCopy(buffer, out var message, out _));
        Array.Clear(buffer);

        Assert.Equal("a84b4c76e66710@pc33.example.com", message!.CallId);
    }

    private SipRequest ParseRequest(string text)
    {
        var status = _parser.ParseDatagram(Encoding.UTF8.GetBytes(text), out var message, out var rejection);
        Assert.True(status == SipParseStatus.Complete, rejection.ToString());
        return Assert.IsType<SipRequest>(message);
    }

    private SipResponse ParseResponse(string text)
    {
        var status = _parser.ParseDatagram(Encoding.UTF8.GetBytes(text), out var message, out var rejection);
        Assert.True(status == SipParseStatus.Complete, rejection.ToString());
        return Assert.IsType<SipResponse>(message);
    }
}
