using Telephony.Media.Codecs;
using Telephony.Media.Sdp;

namespace Telephony.Media.Tests.Sdp;

public sealed class SdpNegotiatorTests
{
    private static readonly SdpLocalMedia Local = new() { Address = "10.0.0.5", Port = 40000, SessionId = "99", SessionVersion = 1 };

    private static SessionDescription Load(string file) => SessionDescription.Parse(File.ReadAllText(TestDataFiles.PathOf(Path.Combine("sdp", file))));

    private static SessionDescription Offer(string mediaLines, string connection = "c=IN IP4 192.0.2.1\r\n") =>
        SessionDescription.Parse($"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n{connection}t=0 0\r\n{mediaLines}");

    [Fact]
    public void Softphone_offer_gets_pcma_its_first_g711_with_offerers_event_number()
    {
        var result = SdpNegotiator.Answer(Load("offer-softphone.sdp"), Local);

        Assert.True(result.IsAccepted);
        Assert.Equal(new NegotiatedAudio(0, "192.0.2.10", 4000, G711Law.ALaw, 8, 101, 20, SdpDirection.SendRecv), result.Audio);
        var answer = result.Answer!;
        var audio = Assert.Single(answer.Media);
        Assert.Equal(["8", "101"], audio.Formats);
        Assert.Equal(40000, audio.Port);
        Assert.Equal("0-15", audio.Fmtp(101));
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.Equal("10.0.0.5", answer.Connection!.Address);
        Assert.Equal("99", answer.Origin.SessionId);
    }

    [Fact]
    public void Pbx_offer_gets_pcmu_ptime_30_and_dynamic_event_97()
    {
        var result = SdpNegotiator.Answer(Load("offer-pbx.sdp"), Local);

        Assert.Equal(G711Law.MuLaw, result.Audio!.Codec);
        Assert.Equal(0, result.Audio.PayloadType);
        Assert.Equal((byte)97, result.Audio.TelephoneEventPayloadType);
        Assert.Equal(30, result.Audio.Ptime);
        Assert.Equal(["0", "97"], result.Answer!.Media[0].Formats);
    }

    [Fact]
    public void Offer_without_g711_is_no_common_codec()
    {
        var result = SdpNegotiator.Answer(Load("offer-g729-only.sdp"), Local);
        Assert.Equal(SdpNegotiationOutcome.NoCommonCodec, result.Outcome);
        Assert.Null(result.Answer);
        Assert.False(result.IsAccepted);
    }

    [Fact]
    public void Srtp_only_offer_is_no_common_codec()
    {
        Assert.Equal(SdpNegotiationOutcome.NoCommonCodec, SdpNegotiator.Answer(Load("offer-srtp-only.sdp"), Local).Outcome);
    }

    [Fact]
    public void Local_codec_list_limits_the_choice()
    {
        var pcmaOnly = Local with { Codecs = [G711Law.ALaw] };
        var result = SdpNegotiator.Answer(Offer("m=audio 5000 RTP/AVP 0 8\r\n"), pcmaOnly);
        Assert.Equal(G711Law.ALaw, result.Audio!.Codec);

        Assert.Equal(SdpNegotiationOutcome.NoCommonCodec, SdpNegotiator.Answer(Offer("m=audio 5000 RTP/AVP 0\r\n"), pcmaOnly).Outcome);
    }

    [Fact]
    public void Video_and_t38_lines_are_rejected_with_port_zero_in_place()
    {
        var result = SdpNegotiator.Answer(Load("offer-video-first-lf.sdp"), Local);

        Assert.Equal(1, result.Audio!.MediaIndex);
        var media = result.Answer!.Media;
        Assert.Equal(["video", "audio", "image"], media.Select(m => m.Media));
        Assert.Equal([0, 40000, 0], media.Select(m => m.Port));
        Assert.Equal(["31"], media[0].Formats);
        Assert.Equal("udptl", media[2].Protocol);
        Assert.Equal("host.atlanta.example.com", result.Audio.RemoteAddress);
    }

    [Fact]
    public void Second_audio_stream_is_rejected()
    {
        var result = SdpNegotiator.Answer(Offer("m=audio 5000 RTP/AVP 0\r\nm=audio 5002 RTP/AVP 8\r\n"), Local);
        Assert.Equal([40000, 0], result.Answer!.Media.Select(m => m.Port));
    }

    [Fact]
    public void Rejected_offered_stream_is_skipped_for_the_next_one()
    {
        var result = SdpNegotiator.Answer(Offer("m=audio 0 RTP/AVP 0\r\nm=audio 5002 RTP/AVP 8\r\n"), Local);
        Assert.Equal(1, result.Audio!.MediaIndex);
        Assert.Equal([0, 40000], result.Answer!.Media.Select(m => m.Port));
    }

    [Theory]
    [InlineData("sendrecv", SdpDirection.SendRecv, SdpDirection.SendRecv)]
    [InlineData("sendonly", SdpDirection.SendRecv, SdpDirection.RecvOnly)]
    [InlineData("recvonly", SdpDirection.SendRecv, SdpDirection.SendOnly)]
    [InlineData("inactive", SdpDirection.SendRecv, SdpDirection.Inactive)]
    [InlineData("sendrecv", SdpDirection.SendOnly, SdpDirection.SendOnly)]
    [InlineData("sendonly", SdpDirection.SendOnly, SdpDirection.Inactive)]
    [InlineData("sendrecv", SdpDirection.Inactive, SdpDirection.Inactive)]
    public void Answer_direction_follows_rfc3264_rules(string offered, SdpDirection local, SdpDirection expected)
    {
        var result = SdpNegotiator.Answer(Offer($"m=audio 5000 RTP/AVP 0\r\na={offered}\r\n"), Local with { Direction = local });
        Assert.Equal(expected, result.Audio!.Direction);
        Assert.Equal(expected, result.Answer!.Media[0].Direction);
    }

    [Fact]
    public void Legacy_hold_address_is_answered_recvonly()
    {
        var result = SdpNegotiator.Answer(Load("offer-legacy-hold.sdp"), Local);
        Assert.Equal(SdpDirection.RecvOnly, result.Audio!.Direction);
        Assert.Equal("0.0.0.0", result.Audio.RemoteAddress);
        Assert.Equal((byte)101, result.Audio.TelephoneEventPayloadType);
    }

    [Fact]
    public void Offer_without_connection_is_invalid()
    {
        var result = SdpNegotiator.Answer(Load("offer-no-connection.sdp"), Local);
        Assert.Equal(SdpNegotiationOutcome.InvalidOffer, result.Outcome);
        Assert.Contains("connection", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=ptime:40\r\n", 40)]
    [InlineData("a=ptime:25\r\n", 20)]
    [InlineData("a=ptime:120\r\n", 20)]
    [InlineData("", 20)]
    public void Offered_ptime_is_honoured_when_acceptable(string ptimeLine, int expected)
    {
        var result = SdpNegotiator.Answer(Offer($"m=audio 5000 RTP/AVP 0\r\n{ptimeLine}"), Local);
        Assert.Equal(expected, result.Audio!.Ptime);
        Assert.Equal(expected, result.Answer!.Media[0].Ptime);
    }

    [Fact]
    public void Telephone_event_is_left_out_when_not_offered_or_not_wanted()
    {
        Assert.Null(SdpNegotiator.Answer(Offer("m=audio 5000 RTP/AVP 0\r\n"), Local).Audio!.TelephoneEventPayloadType);
        var noEvents = Local with { TelephoneEvents = false };
        var result = SdpNegotiator.Answer(Load("offer-pbx.sdp"), noEvents);
        Assert.Null(result.Audio!.TelephoneEventPayloadType);
        Assert.Equal(["0"], result.Answer!.Media[0].Formats);
    }

    [Fact]
    public void Static_payload_types_without_rtpmap_are_recognised()
    {
        var result = SdpNegotiator.Answer(Offer("m=audio 5000 RTP/AVP 8\r\n"), Local);
        Assert.Equal(G711Law.ALaw, result.Audio!.Codec);
        Assert.Equal("8 PCMA/8000", result.Answer!.Media[0].AttributeValue("rtpmap"));
    }

    [Fact]
    public void Answer_text_parses_back_to_the_same_description()
    {
        var answer = SdpNegotiator.Answer(Load("offer-pbx.sdp"), Local).Answer!;
        Assert.Equal(answer.ToString(), SessionDescription.Parse(answer.ToString()).ToString());
    }

    [Fact]
    public void Created_offer_lists_codecs_events_ptime_and_direction()
    {
        var offer = SdpNegotiator.CreateOffer(Local);
        Assert.Equal(
            "v=0\r\no=- 99 1 IN IP4 10.0.0.5\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n" +
            "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n",
            offer.ToString());
    }

    [Fact]
    public void Valid_answer_to_our_offer_is_accepted()
    {
        var offer = SdpNegotiator.CreateOffer(Local);
        var answer = Offer("m=audio 6000 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:30\r\n");
        var result = SdpNegotiator.AcceptAnswer(offer, answer, Local);

        Assert.Equal(new NegotiatedAudio(0, "192.0.2.1", 6000, G711Law.ALaw, 8, 101, 30, SdpDirection.SendRecv), result.Audio);
    }

    [Fact]
    public void Recvonly_answer_makes_us_send_only()
    {
        var result = SdpNegotiator.AcceptAnswer(SdpNegotiator.CreateOffer(Local), Offer("m=audio 6000 RTP/AVP 0\r\na=recvonly\r\n"), Local);
        Assert.Equal(SdpDirection.SendOnly, result.Audio!.Direction);
    }

    [Fact]
    public void Answer_with_unoffered_payload_type_is_invalid()
    {
        var result = SdpNegotiator.AcceptAnswer(SdpNegotiator.CreateOffer(Local), Offer("m=audio 6000 RTP/AVP 18 0\r\n"), Local);
        Assert.Equal(SdpNegotiationOutcome.InvalidAnswer, result.Outcome);
        Assert.Contains("18", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_with_different_stream_count_is_invalid()
    {
        var result = SdpNegotiator.AcceptAnswer(SdpNegotiator.CreateOffer(Local), Offer("m=audio 6000 RTP/AVP 0\r\nm=video 0 RTP/AVP 31\r\n"), Local);
        Assert.Equal(SdpNegotiationOutcome.InvalidAnswer, result.Outcome);
    }

    [Fact]
    public void Answer_rejecting_audio_is_no_common_codec()
    {
        var result = SdpNegotiator.AcceptAnswer(SdpNegotiator.CreateOffer(Local), Offer("m=audio 0 RTP/AVP 0\r\n"), Local);
        Assert.Equal(SdpNegotiationOutcome.NoCommonCodec, result.Outcome);
    }

    [Fact]
    public void Sendrecv_answer_to_our_sendonly_offer_is_invalid()
    {
        var hold = Local with { Direction = SdpDirection.SendOnly };
        var result = SdpNegotiator.AcceptAnswer(SdpNegotiator.CreateOffer(hold), Offer("m=audio 6000 RTP/AVP 0\r\na=sendrecv\r\n"), hold);
        Assert.Equal(SdpNegotiationOutcome.InvalidAnswer, result.Outcome);
    }

    [Fact]
    public void Answer_without_connection_is_invalid()
    {
        var result = SdpNegotiator.AcceptAnswer(SdpNegotiator.CreateOffer(Local), Offer("m=audio 6000 RTP/AVP 0\r\n", connection: string.Empty), Local);
        Assert.Equal(SdpNegotiationOutcome.InvalidAnswer, result.Outcome);
    }
}
