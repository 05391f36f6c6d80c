using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Transport;

public sealed class SipTransportNamesTests
{
    [Theory]
    [InlineData("sips:1001@192.0.2.1", SipTransportKind.Tls, 5061)]
    [InlineData("sip:1001@192.0.2.1;transport=tls", SipTransportKind.Tls, 5061)]
    [InlineData("sip:1001@192.0.2.1;transport=TLS", SipTransportKind.Tls, 5061)]
    [InlineData("sip:1001@192.0.2.1;transport=tcp", SipTransportKind.Tcp, 5060)]
    [InlineData("sip:1001@192.0.2.1;transport=udp", SipTransportKind.Udp, 5060)]
    [InlineData("sip:1001@192.0.2.1", SipTransportKind.Udp, 5060)]
    [InlineData("sip:1001@192.0.2.1;transport=sctp", SipTransportKind.Udp, 5060)]
    public void ForUri_scheme_and_transport_parameter_choose_the_transport_and_default_port(string uri, SipTransportKind expected, int port)
    {
        var parsed = SipUri.Parse(uri);

        Assert.Equal(expected, SipTransportNames.ForUri(parsed, SipTransportKind.Udp));
        Assert.Equal(port, SipTransportNames.DefaultPort(parsed));
    }

    [Theory]
    [InlineData("TLS", true, SipTransportKind.Tls)]
    [InlineData("tcp", true, SipTransportKind.Tcp)]
    [InlineData("Udp", true, SipTransportKind.Udp)]
    [InlineData("SCTP", false, SipTransportKind.Udp)]
    [InlineData(null, false, SipTransportKind.Udp)]
    public void TryParse_reads_registration_and_via_names_in_any_case(string? name, bool known, SipTransportKind expected)
    {
        Assert.Equal(known, SipTransportNames.TryParse(name, out var kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void ViaName_of_tls_is_TLS() => Assert.Equal("TLS", SipTransportNames.ViaName(SipTransportKind.Tls));
}
