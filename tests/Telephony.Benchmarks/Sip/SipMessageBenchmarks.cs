using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Benchmarks.Sip;

/// <summary>
/// Parse and serialise a typical INVITE with SDP and its 200 OK. Allocation per parse should be only the message
/// object and its header table; dialog keys (branch, Call-ID, tags) allocate the strings a layer keeps.
/// </summary>
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private const string Invite =
        "INVITE sip:100@hotline.example.gov SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK74bf9a1c03e;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: \"Citizen\" <sip:+994501234567@carrier.example.net>;tag=9fxced76sl\r\n" +
        "To: <sip:100@hotline.example.gov>\r\n" +
        "Call-ID: 3848276298220188511@198.51.100.20\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Contact: <sip:+994501234567@198.51.100.20:5060;transport=udp>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: CarrierSBC/4.2\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 226\r\n" +
        "\r\n" +
        "v=0\r\n" +
        "o=- 2890844526 2890844526 IN IP4 198.51.100.20\r\n" +
        "s=-\r\n" +
        "c=IN IP4 198.51.100.20\r\n" +
        "t=0 0\r\n" +
        "m=audio 40000 RTP/AVP 8 0 101\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    private readonly SipMessageParser _parser = new();
    private readonly ArrayBufferWriter<byte> _writer = new(2048);
    private byte[] _invite = [];
    private byte[] _ok = [];
    private SipRequest _parsedInvite = null!;
    private SipMessageBuilder _inviteBuilder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _invite = Encoding.ASCII.GetBytes(Invite);
        if (_parser.ParseDatagram(_invite, out var message, out var rejection) != SipParseStatus.Complete)
        {
            throw new InvalidOperationException($"The benchmark INVITE does not parse: {rejection}");
        }

        _parsedInvite = (SipRequest)message!;
        _ok = SipResponse.CreateFor(_parsedInvite, 200, "OK", "8321234356")
            .AddHeader(SipHeaderKind.Contact, "<sip:100@203.0.113.5:5060>")
            .SetBody(_parsedInvite.Body, "application/sdp")
            .ToArray();
        _inviteBuilder = SipMessageBuilder.Request(SipMethod.Invite, "sip:100@hotline.example.gov");
        for (var i = 0; i < _parsedInvite.HeaderCount; i++)
        {
            var header = _parsedInvite.GetHeader(i);
            if (header.Kind is not (SipHeaderKind.ContentType or SipHeaderKind.ContentLength))
            {
                _inviteBuilder.AddHeader(header.GetNameString(), header.GetValueString());
            }
        }

        _inviteBuilder.SetBody(_parsedInvite.Body.ToArray(), "application/sdp");
    }

    [Benchmark]
    public SipMessage? ParseInvite()
    {
        _parser.ParseDatagram(_invite, out var message, out _);
        return message;
    }

    [Benchmark]
    public SipMessage? Parse200Ok()
    {
        _parser.ParseDatagram(_ok, out var message, out _);
        return message;
    }

    /// <summary>Parse plus what a transaction layer reads: method, top branch, Call-ID, CSeq and tags.</summary>
    [Benchmark]
    public string? ParseInviteAndReadTransactionKeys()
    {
        _parser.ParseDatagram(_invite, out var message, out _);
        var request = (SipRequest)message!;
        return request.Method == SipMethod.Invite && request.CSeq.Number == 1 ? request.Via[0].Branch + request.CallId + request.From.Tag : null;
    }

    [Benchmark]
    public int SerializeInvite()
    {
        _writer.ResetWrittenCount();
        return _inviteBuilder.WriteTo(_writer);
    }

    /// <summary>Build and write a 200 OK for the parsed INVITE (copies Via/From/To/Call-ID/CSeq as bytes).</summary>
    [Benchmark]
    public int Serialize200Ok()
    {
        _writer.ResetWrittenCount();
        return SipResponse.CreateFor(_parsedInvite, 200, "OK", "8321234356")
            .AddHeader(SipHeaderKind.Contact, "<sip:100@203.0.113.5:5060>")
            .SetBody(_parsedInvite.Body, "application/sdp")
            .WriteTo(_writer);
    }
}
