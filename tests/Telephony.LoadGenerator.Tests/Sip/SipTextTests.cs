using System.Text;
using Telephony.LoadGenerator.Sip;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.LoadGenerator.Tests.Sip;

public sealed class SipTextTests
{
    private static SipMessage Parse(string text)
    {
        var status = new SipMessageParser().ParseDatagram(Encoding.UTF8.GetBytes(text), out var message, out var rejection);
        Assert.True(status == SipParseStatus.Complete, $"{status} {rejection.Reason}\n{text}");
        return message!;
    }

    [Fact]
    public void Invite_is_a_valid_request_offering_pcmu_and_events_on_our_rtp_port()
    {
        var text = SipText.Invite("100", "127.0.0.1:5060", 40000, "load7", "abc-7@127.0.0.1", "tag7", "z9hG4bKx7i", 16014);

        var invite = Assert.IsType<SipRequest>(Parse(text));

        Assert.Equal(SipMethod.Invite, invite.Method);
        Assert.Equal("sip:100@127.0.0.1:5060", invite.RequestUri.ToString());
        Assert.Equal("tag7", invite.From.Tag);
        Assert.Equal("abc-7@127.0.0.1", invite.CallId);
        Assert.Equal("application/sdp", invite.ContentType);
        var sdp = Encoding.ASCII.GetString(invite.Body.Span);
        Assert.Contains("m=audio 16014 RTP/AVP 0 101\r\n", sdp, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:101 telephone-event/8000\r\n", sdp, StringComparison.Ordinal);
    }

    [Fact]
    public void Ok_to_a_bye_copies_via_from_to_call_id_and_cseq()
    {
        var bye = (SipRequest)Parse(
            "BYE sip:load1@127.0.0.1:40000 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKs1\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKs0\r\n" +
            "From: <sip:100@127.0.0.1>;tag=srv\r\nTo: <sip:load1@127.0.0.1>;tag=ours\r\nCall-ID: c1\r\nCSeq: 5 BYE\r\nContent-Length: 0\r\n\r\n");

        var ok = Assert.IsType<SipResponse>(Parse(SipText.Ok(bye)));

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(2, ok.Via.Count);
        Assert.Equal("srv", ok.From.Tag);
        Assert.Equal("ours", ok.To.Tag);
        Assert.Equal("c1", ok.CallId);
        Assert.Equal(new SipCSeq(5, SipMethod.Bye, "BYE"), ok.CSeq);
    }
}
