using Telephony.Media.Sdp;

namespace Telephony.Media.Tests.Sdp;

public sealed class SessionDescriptionTests
{
    public static TheoryData<string> OfferFiles() =>
        [.. Directory.GetFiles(TestDataFiles.PathOf("sdp"), "*.sdp").Select(path => Path.GetFileName(path)).Order()];

    private static SessionDescription Load(string file) => SessionDescription.Parse(File.ReadAllText(TestDataFiles.PathOf(Path.Combine("sdp", file))));

    [Theory]
    [MemberData(nameof(OfferFiles))]
    public void Vector_parses_and_survives_serialise_parse_round_trip(string file)
    {
        var parsed = Load(file);
        var text = parsed.ToString();
        var again = SessionDescription.Parse(text);

        Assert.Equal(text, again.ToString());
        Assert.Equal(parsed.Media.Count, again.Media.Count);
        Assert.All(text.Split("\r\n")[..^1], line => Assert.Matches("^[a-z]=", line));
    }

    [Fact]
    public void Softphone_offer_fields_are_read()
    {
        var sdp = Load("offer-softphone.sdp");
        Assert.Equal("3913453621", sdp.Origin.SessionId);
        Assert.Equal(3913453621UL, sdp.Origin.SessionVersion);
        Assert.Equal("pjmedia", sdp.SessionName);
        Assert.Equal(["AS:84"], sdp.Bandwidths);
        var audio = Assert.Single(sdp.Media);
        Assert.Equal(4000, audio.Port);
        Assert.Equal(new byte[] { 96, 9, 8, 0, 101 }, audio.PayloadTypes);
        Assert.Equal(new SdpRtpMap(96, "opus", 48000, 2), audio.RtpMap(96));
        Assert.Equal("0-16", audio.Fmtp(101));
        Assert.Equal("useinbandfec=1", audio.Fmtp(96));
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.Equal("192.0.2.10", sdp.ConnectionOf(audio)!.Address);
        Assert.Equal("4001 IN IP4 192.0.2.10", audio.AttributeValue("rtcp"));
    }

    [Fact]
    public void Lf_only_offer_with_three_streams_is_read()
    {
        var sdp = Load("offer-video-first-lf.sdp");
        Assert.Equal(["video", "audio", "image"], sdp.Media.Select(m => m.Media));
        Assert.Equal("udptl", sdp.Media[2].Protocol);
        Assert.Equal(["t38"], sdp.Media[2].Formats);
        Assert.Equal("host.atlanta.example.com", sdp.Connection!.Address);
    }

    [Fact]
    public void Serialisation_follows_rfc_line_order()
    {
        var sdp = new SessionDescription
        {
            Origin = new SdpOrigin("-", "42", 2, "IP4", "192.0.2.1"),
            Connection = SdpConnection.For("192.0.2.1"),
            Attributes = [new SdpAttribute("sendrecv")],
            Media =
            [
                new MediaDescription
                {
                    Media = "audio", Port = 7078, Protocol = "RTP/AVP", Formats = ["0"],
                    Attributes = [new SdpAttribute("rtpmap", "0 PCMU/8000"), new SdpAttribute("ptime", "20")],
                },
            ],
        };

        Assert.Equal(
            "v=0\r\no=- 42 2 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\na=sendrecv\r\n" +
            "m=audio 7078 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\n",
            sdp.ToString());
    }

    [Fact]
    public void Media_direction_falls_back_to_session_direction()
    {
        var sdp = SessionDescription.Parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\na=sendonly\r\nm=audio 1 RTP/AVP 0\r\nm=audio 2 RTP/AVP 0\r\na=inactive\r\n");
        Assert.Equal(SdpDirection.SendOnly, sdp.DirectionOf(sdp.Media[0]));
        Assert.Equal(SdpDirection.Inactive, sdp.DirectionOf(sdp.Media[1]));
    }

    [Fact]
    public void Ipv6_connection_and_port_count_round_trip()
    {
        var sdp = SessionDescription.Parse("v=0\r\no=- 1 1 IN IP6 2001:db8::1\r\ns=-\r\nt=0 0\r\nm=audio 5004/2 RTP/AVP 0\r\nc=IN IP6 2001:db8::2\r\n");
        Assert.Equal(2, sdp.Media[0].PortCount);
        Assert.Equal("IP6", sdp.Media[0].Connection!.AddressType);
        Assert.Contains("m=audio 5004/2 RTP/AVP 0\r\nc=IN IP6 2001:db8::2\r\n", sdp.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("o=- 1 1 IN IP4 192.0.2.1\r\n", "v=0")]
    [InlineData("v=1\r\n", "v=0")]
    [InlineData("v=0\r\ns=-\r\nt=0 0\r\n", "o= line")]
    [InlineData("v=0\r\no=- 1 1 IN IP4\r\n", "line 2")]
    [InlineData("v=0\r\no=- x 1 IN IP4 a\r\n", "numeric")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nc=IN IPX a\r\n", "line 3")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nt=0\r\n", "line 3")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nm=audio 70000 RTP/AVP 0\r\n", "bad port")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nm=audio 7000 RTP/AVP\r\n", "line 3")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\nnonsense\r\n", "line 3")]
    public void Malformed_sdp_is_rejected_with_a_reason(string text, string expectedInError)
    {
        Assert.False(SessionDescription.TryParse(text, out _, out var error));
        Assert.Contains(expectedInError, error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("0 PCMU/8000", 0, "PCMU", 8000, null)]
    [InlineData("101 telephone-event/8000", 101, "telephone-event", 8000, null)]
    [InlineData("96 opus/48000/2", 96, "opus", 48000, 2)]
    public void RtpMap_parses(string value, byte payloadType, string name, int clockRate, int? channels)
    {
        Assert.True(SdpRtpMap.TryParse(value, out var map));
        Assert.Equal(new SdpRtpMap(payloadType, name, clockRate, channels), map);
        Assert.Equal(value, map!.ToString());
    }

    [Theory]
    [InlineData("PCMU/8000")]
    [InlineData("128 PCMU/8000")]
    [InlineData("0 PCMU")]
    [InlineData("0 PCMU/0")]
    public void RtpMap_rejects_malformed(string value)
    {
        Assert.False(SdpRtpMap.TryParse(value, out _));
    }
}
