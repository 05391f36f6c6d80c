using System.Buffers;
using System.Text;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Tests.Parsing;

namespace Telephony.Sip.Tests.Messages;

public sealed class SipMessageBuilderTests
{
    public static TheoryData<string> AcceptedRequests => new(TortureVector.All
        .Where(vector => vector.Expect != "rejected" && vector.GetInt("statusCode") is null)
        .Select(vector => vector.File));

    [Fact]
    public void Request_with_body_round_trips_with_correct_content_length()
    {
        var sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"u8.ToArray();
        var builder = SipMessageBuilder.Request(SipMethod.Invite, "sip:100@hotline.example.gov")
            .AddHeader(SipHeaderKind.Via, "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKabc;rport")
            .AddHeader(SipHeaderKind.MaxForwards, "70")
            .AddHeader(SipHeaderKind.From, "\"Citizen\" <sip:citizen@example.com>;tag=f1")
            .AddHeader(SipHeaderKind.To, "<sip:100@hotline.example.gov>")
            .AddHeader(SipHeaderKind.CallId, "call-1@192.0.2.1")
            .AddHeader(SipHeaderKind.CSeq, "1 INVITE")
            .AddHeader(SipHeaderKind.ContentLength, "9999")
            .SetBody(sdp, "application/sdp");

        var message = (SipRequest)builder.Build();

        Assert.Equal(SipMethod.Invite, message.Method);
        Assert.Equal("sip:100@hotline.example.gov", message.RequestUri.ToString());
        Assert.Equal(sdp, message.Body.ToArray());
        Assert.Equal(sdp.Length, message.ContentLength);
        Assert.Equal("application/sdp", message.ContentType);
        Assert.Equal("Citizen", message.From.DisplayName);
        Assert.Equal("f1", message.From.Tag);
        Assert.Single(message.GetHeaderValues("Content-Length"));
        Assert.True(message.Via[0].HasRPort);
        Assert.Null(message.Via[0].RPort);
    }

    [Fact]
    public void WriteTo_returns_bytes_written_and_matches_ToArray()
    {
        var builder = SipMessageBuilder.Response(486, "Busy Here").AddHeader("X-Queue", "az-general");
        var writer = new ArrayBufferWriter<byte>();

        var written = builder.WriteTo(writer);

        Assert.Equal(writer.WrittenCount, written);
        Assert.Equal(builder.ToArray(), writer.WrittenSpan.ToArray());
        Assert.Equal("SIP/2.0 486 Busy Here\r\nX-Queue: az-general\r\nContent-Length: 0\r\n\r\n", Encoding.ASCII.GetString(writer.WrittenSpan));
    }

    [Theory]
    [MemberData(nameof(AcceptedRequests))]
    public void CreateFor_vector_request_copies_dialog_headers_and_adds_to_tag(string file)
    {
        Assert.Equal(SipParseStatus.Complete, new SipMessageParser().ParseDatagram(TortureVector.Get(file).ReadMessageBytes(), out var parsed, out _));
        var request = (SipRequest)parsed!;

        var response = (SipResponse)SipResponse.CreateFor(request, 200, "OK", toTag: "uas-tag").Build();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.Equal(request.Via.Select(via => (via.Host, via.Port, via.Branch)), response.Via.Select(via => (via.Host, via.Port, via.Branch)));
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.Equal(request.From.Tag, response.From.Tag);
        Assert.Equal(request.From.Uri.ToString(), response.From.Uri.ToString());
        Assert.Equal(request.To.Uri.ToString(), response.To.Uri.ToString());
        Assert.Equal(request.To.Tag ?? "uas-tag", response.To.Tag);
        Assert.Equal(0, response.ContentLength);
    }

    [Fact]
    public void CreateFor_100_Trying_adds_no_to_tag()
    {
        var request = ParseVector("rfc4475/lwsdisp.dat");

        var trying = SipResponse.CreateFor(request, 100, "Trying").Build();

        Assert.Null(trying.To.Tag);
    }

    [Fact]
    public void CreateFor_without_tag_generates_a_random_one()
    {
        var request = ParseVector("rfc4475/lwsdisp.dat");

        var first = SipResponse.CreateFor(request, 180, "Ringing").Build().To.Tag;
        var second = SipResponse.CreateFor(request, 180, "Ringing").Build().To.Tag;

        Assert.Equal(16, first!.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void CreateFor_rejected_request_answers_with_the_rejection()
    {
        var status = new SipMessageParser().ParseDatagram(TortureVector.Get("rfc4475/mismatch01.dat").ReadMessageBytes(), out var request, out var rejection);
        Assert.Equal(SipParseStatus.Rejected, status);

        var response = (SipResponse)SipResponse.CreateFor(request!, rejection.StatusCode, rejection.ReasonPhrase).Build();

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("CSeq method does not match request method", response.ReasonPhrase);
        Assert.Equal(request!.CallId, response.CallId);
    }

    [Fact]
    public void Builder_rejects_values_that_would_break_framing()
    {
        var builder = SipMessageBuilder.Request(SipMethod.Options, "sip:a@example.com");

        Assert.Throws<ArgumentException>(() => builder.AddHeader("Subject", "one\r\nInjected: yes"));
        Assert.Throws<ArgumentException>(() => builder.AddHeader("Bad Name", "x"));
        Assert.Throws<ArgumentException>(() => SipMessageBuilder.Request("IN VITE", "sip:a@example.com"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SipMessageBuilder.Response(99, "Nope"));
    }

    [Fact]
    public void Parsed_vector_rebuilt_from_its_headers_parses_to_the_same_fields()
    {
        var request = ParseVector("rfc4475/wsinv.dat");
        var builder = SipMessageBuilder.Request(request.MethodName, request.RequestUri.ToString());
        for (var i = 0; i < request.HeaderCount; i++)
        {
            var header = request.GetHeader(i);
            if (header.Kind != SipHeaderKind.ContentType)
            {
                builder.AddRawHeader(header.GetNameString(), header.Value);
            }
        }

        var rebuilt = builder.SetBody(request.Body, request.ContentType!).Build();

        Assert.Equal(request.Via.Select(via => via.Branch), rebuilt.Via.Select(via => via.Branch));
        Assert.Equal(request.CSeq, rebuilt.CSeq);
        Assert.Equal(request.To.Tag, rebuilt.To.Tag);
        Assert.Equal(request.Contact[0].Q, rebuilt.Contact[0].Q);
        Assert.Equal(request.Body.ToArray(), rebuilt.Body.ToArray());
    }

    private static SipRequest ParseVector(string file)
    {
        Assert.Equal(SipParseStatus.Complete, new SipMessageParser().ParseDatagram(TortureVector.Get(file).ReadMessageBytes(), out var message, out _));
        return (SipRequest)message!;
    }
}
