using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Tests.Parsing;

namespace Telephony.Sip.Tests.Messages;

public sealed class SipRequestChecksTests
{
    private static readonly HashSet<string> s_supported = new(StringComparer.Ordinal) { "timer", "replaces" };

    [Fact]
    public void Unknown_require_gets_420_listing_the_unsupported_tags()
    {
        var request = Parse("rfc4475/bext01.dat");

        var response = SipRequestChecks.CheckRequire(request, s_supported)!.Build();

        Assert.Equal(420, ((SipResponse)response).StatusCode);
        Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], response.Unsupported);
    }

    [Fact]
    public void Proxy_require_is_checked_only_when_acting_as_proxy()
    {
        var request = Parse("rfc4475/bext01.dat");

        var response = SipRequestChecks.CheckRequire(request, new HashSet<string>(["nothingSupportsThis", "nothingSupportsThisEither"]), actingAsProxy: true)!.Build();

        Assert.Equal(["noProxiesSupportThis", "norDoAnyProxiesSupportThis"], response.Unsupported);
        Assert.Null(SipRequestChecks.CheckRequire(request, new HashSet<string>(["nothingSupportsThis", "nothingSupportsThisEither"])));
    }

    [Theory]
    [InlineData("rfc4475/unkscm.dat")]
    [InlineData("rfc4475/novelsc.dat")]
    public void Unknown_request_uri_scheme_gets_416(string file)
    {
        var response = (SipResponse)SipRequestChecks.CheckRequestUriScheme(Parse(file))!.Build();

        Assert.Equal(416, response.StatusCode);
    }

    [Fact]
    public void Sip_request_uri_passes_the_scheme_check() => Assert.Null(SipRequestChecks.CheckRequestUriScheme(Parse("rfc4475/lwsdisp.dat")));

    [Fact]
    public void Max_forwards_zero_gets_483()
    {
        var response = (SipResponse)SipRequestChecks.CheckMaxForwards(Parse("rfc4475/zeromf.dat"))!.Build();

        Assert.Equal(483, response.StatusCode);
        Assert.Null(SipRequestChecks.CheckMaxForwards(Parse("rfc4475/lwsdisp.dat")));
    }

    [Fact]
    public void Unknown_content_type_gets_415_with_accept()
    {
        var response = SipRequestChecks.CheckContentType(Parse("rfc4475/invut.dat"), ["application/sdp"])!.Build();

        Assert.Equal(415, ((SipResponse)response).StatusCode);
        Assert.Equal("application/sdp", response.GetHeaderValue("Accept"));
        Assert.Null(SipRequestChecks.CheckContentType(Parse("rfc4475/wsinv.dat"), ["application/sdp"]));
    }

    [Fact]
    public void Extension_method_gets_405_with_allow()
    {
        var response = SipRequestChecks.CheckMethod(Parse("rfc4475/intmeth.dat"), [SipMethod.Invite, SipMethod.Ack, SipMethod.Bye])!.Build();

        Assert.Equal(405, ((SipResponse)response).StatusCode);
        Assert.Equal(["INVITE", "ACK", "BYE"], response.Allow);
    }

    private static SipRequest Parse(string file)
    {
        Assert.Equal(SipParseStatus.Complete, new SipMessageParser().ParseDatagram(TortureVector.Get(file).ReadMessageBytes(), out var message, out _));
        return (SipRequest)message!;
    }
}
