using System.Text;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Tests.Parsing;

/// <summary>The parser allocates the message and its header table, nothing else; typed values cost only what is read.</summary>
public sealed class SipParserAllocationTests
{
    private static readonly byte[] s_invite = Encoding.ASCII.GetBytes(
        "INVITE sip:100@hotline.example.gov SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK74bf9a1c03e;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: \"Citizen\" <sip:+994501234567@carrier.example.net>;tag=9fxced76sl\r\n" +
        "To: <sip:100@hotline.example.gov>\r\n" +
        "Call-ID: 3848276298220188511@198.51.100.20\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Contact: <sip:+994501234567@198.51.100.20:5060;transport=udp>\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 4\r\n\r\nv=0\n");

    private readonly SipMessageParser _parser = new();

    [Fact]
    public void Parse_allocates_only_the_message_and_its_header_table()
    {
        _parser.ParseDatagram(s_invite, out _, out _);

        var perParse = Measure(() => _parser.ParseDatagram(s_invite, out _, out _), 200);

        // SipRequest object plus 9 header entries of 20 bytes; anything past this is a regression.
        Assert.InRange(perParse, 100, 420);
    }

    [Fact]
    public void Reading_the_top_branch_allocates_the_via_and_the_branch_string_only()
    {
        _parser.ParseDatagram(s_invite, out var warm, out _);
        _ = warm!.Via[0].Branch;

        var perRead = Measure(
            () =>
            {
                _parser.ParseDatagram(s_invite, out var message, out _);
                return message!.Via[0].Branch;
            },
            200) - Measure(() => _parser.ParseDatagram(s_invite, out _, out _), 200);

        // List array, SipVia, List wrapper and the 16-character branch string.
        Assert.InRange(perRead, 50, 400);
    }

    private static long Measure<T>(Func<T> action, int iterations)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            GC.KeepAlive(action());
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / iterations;
    }
}
