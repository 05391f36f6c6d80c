using Telephony.Sip.Tests.Transactions;

namespace Telephony.Sip.Tests.Transport;

/// <summary>RFC 3581 received/rport in the top Via of responses, as written on the wire (loop network, fake clock).</summary>
public sealed class SipViaStampingTests
{
    [Theory]
    [InlineData("SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bKa", "SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bKa")]
    [InlineData("SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bKb;rport", "SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bKb;rport=5070;received=10.0.0.2")]
    [InlineData("SIP/2.0/UDP phone.example:5070;branch=z9hG4bKc;received=192.0.2.4", "SIP/2.0/UDP phone.example:5070;branch=z9hG4bKc;received=10.0.0.2")]
    [InlineData("SIP/2.0/UDP 192.0.2.9:5070 ; branch=z9hG4bKd ; RPort, SIP/2.0/UDP 10.9.9.9;branch=z9hG4bKx",
        "SIP/2.0/UDP 192.0.2.9:5070;branch=z9hG4bKd;rport=5070;received=10.0.0.2, SIP/2.0/UDP 10.9.9.9;branch=z9hG4bKx")]
    [InlineData("SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bKe;rport=1;ttl=4", "SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bKe;rport=5070;ttl=4;received=10.0.0.2")]
    public async Task Response_top_via_is_stamped_with_the_source_when_it_differs_or_rport_is_asked(string via, string expected)
    {
        await using var harness = new LoopHarness();
        var request = LoopHarness.Request("OPTIONS", "z9hG4bKplaceholder").Replace("SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bKplaceholder", via, StringComparison.Ordinal);

        harness.Send(request);

        var response = harness.Network.Sent[^1];
        Assert.StartsWith("SIP/2.0 200 OK\r\nVia: " + expected + "\r\n", response, StringComparison.Ordinal);
    }
}
