using System.Buffers;
using System.Text;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Tests.Parsing;

public sealed class SipStreamFramerTests
{
    private readonly SipMessageParser _parser = new();
    private readonly SipStreamFramer _framer = new();

    public static TheoryData<string> FramableFiles => new(TortureVector.All
        .Where(vector => vector.Expect != "rejected")
        .Where(vector => HasContentLength(vector.ReadMessageBytes()))
        .Select(vector => vector.File));

    public static TheoryData<string> AllFiles => TortureVector.Files();

    [Theory]
    [MemberData(nameof(FramableFiles))]
    public void Stream_split_at_every_point_parses_identically_to_whole(string file)
    {
        var whole = FramedBytes(file);
        var expected = ParseWhole(whole);

        for (var split = 1; split < whole.Length; split++)
        {
            var buffer = BufferSegment.Sequence(whole.AsMemory(0, split), whole.AsMemory(split));

            var status = _framer.TryReadMessage(ref buffer, out var message, out var rejection);

            Assert.True(status == SipParseStatus.Complete, $"split {split}: {status} {rejection}");
            Assert.True(buffer.IsEmpty, $"split {split}: {buffer.Length} bytes left");
            AssertSameMessage(expected, message!);
        }
    }

    [Theory]
    [MemberData(nameof(FramableFiles))]
    public void Stream_every_prefix_is_incomplete_and_consumes_nothing(string file)
    {
        var whole = FramedBytes(file);

        for (var length = 1; length < whole.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(whole, 0, length);

            var status = _framer.TryReadMessage(ref buffer, out var message, out var rejection);

            Assert.True(status == SipParseStatus.Incomplete, $"prefix {length}: {status} {rejection}");
            Assert.Null(message);
            Assert.Equal(length, buffer.Length);
        }
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Datagram_every_truncation_is_answered_without_exception(string file)
    {
        var bytes = TortureVector.Get(file).ReadMessageBytes();

        for (var length = 0; length <= bytes.Length; length++)
        {
            var status = _parser.ParseDatagram(bytes.AsMemory(0, length), out var message, out var rejection);

            Assert.True(status is SipParseStatus.Complete or SipParseStatus.Rejected or SipParseStatus.Incomplete);
            Assert.Equal(status == SipParseStatus.Rejected, rejection.Reason != SipRejectReason.None);
            if (status == SipParseStatus.Complete)
            {
                Assert.NotNull(message);
            }
        }
    }

    [Fact]
    public void Stream_keep_alives_between_messages_are_skipped()
    {
        var first = FramedBytes("rfc4475/dblreq.dat");
        var second = FramedBytes("rfc4475/lwsdisp.dat");
        var stream = Encoding.ASCII.GetBytes("\r\n\r\n").Concat(first).Concat("\r\n"u8.ToArray()).Concat(second).Concat("\r\n\r\n"u8.ToArray()).ToArray();
        var buffer = new ReadOnlySequence<byte>(stream);

        Assert.Equal(SipParseStatus.Complete, _framer.TryReadMessage(ref buffer, out var one, out _));
        Assert.Equal(SipParseStatus.Complete, _framer.TryReadMessage(ref buffer, out var two, out _));
        Assert.Equal(SipParseStatus.Incomplete, _framer.TryReadMessage(ref buffer, out var none, out _));

        Assert.Equal(SipMethod.Register, ((SipRequest)one!).Method);
        Assert.Equal(SipMethod.Options, ((SipRequest)two!).Method);
        Assert.Null(none);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Stream_message_without_content_length_loses_framing()
    {
        var bytes = "OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nTo: <sip:a@example.com>\r\nFrom: <sip:b@example.com>;tag=1\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n\r\n"u8.ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);

        var status = _framer.TryReadMessage(ref buffer, out var message, out var rejection);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(SipRejectReason.MissingContentLength, rejection.Reason);
        Assert.Null(message);
    }

    [Fact]
    public void Stream_header_section_past_the_size_limit_is_rejected_as_too_large()
    {
        var framer = new SipStreamFramer(new SipMessageParser(new SipParserOptions { MaxMessageSize = 512 }));
        var bytes = Encoding.ASCII.GetBytes("OPTIONS sip:a@example.com SIP/2.0\r\nX-Filler: " + new string('a', 800) + "\r\n");
        var buffer = new ReadOnlySequence<byte>(bytes);

        var status = framer.TryReadMessage(ref buffer, out _, out var rejection);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(513, rejection.StatusCode);
    }

    [Fact]
    public void Stream_body_past_the_size_limit_is_rejected_with_413()
    {
        var framer = new SipStreamFramer(new SipMessageParser(new SipParserOptions { MaxMessageSize = 512 }));
        var bytes = "MESSAGE sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nTo: <sip:a@example.com>\r\nFrom: <sip:b@example.com>;tag=1\r\nCall-ID: x\r\nCSeq: 1 MESSAGE\r\nContent-Length: 100000\r\n\r\n"u8.ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);

        var status = framer.TryReadMessage(ref buffer, out _, out var rejection);

        Assert.Equal(SipParseStatus.Rejected, status);
        Assert.Equal(SipRejectReason.BodyTooLarge, rejection.Reason);
        Assert.Equal(413, rejection.StatusCode);
    }

    /// <summary>A stream needs Content-Length and the empty line ending the headers (two RFC 5118 files lack it).</summary>
    private static bool HasContentLength(byte[] bytes) =>
        new SipMessageParser().ParseDatagram(bytes, out var message, out _) == SipParseStatus.Complete
        && message!.Contains(SipHeaderKind.ContentLength)
        && message.Bytes.Span.IndexOf("\r\n\r\n"u8) >= 0;

    private byte[] FramedBytes(string file)
    {
        Assert.Equal(SipParseStatus.Complete, _parser.ParseDatagram(TortureVector.Get(file).ReadMessageBytes(), out var message, out _));
        return message!.Bytes.ToArray();
    }

    private SipMessage ParseWhole(byte[] whole)
    {
        var buffer = new ReadOnlySequence<byte>(whole);
        Assert.Equal(SipParseStatus.Complete, _framer.TryReadMessage(ref buffer, out var message, out _));
        return message!;
    }

    private static void AssertSameMessage(SipMessage expected, SipMessage actual)
    {
        Assert.Equal(expected.Bytes.ToArray(), actual.Bytes.ToArray());
        Assert.Equal(expected.HeaderCount, actual.HeaderCount);
        for (var i = 0; i < expected.HeaderCount; i++)
        {
            Assert.Equal(expected.GetHeader(i).ToString(), actual.GetHeader(i).ToString());
        }

        Assert.Equal(expected.Body.ToArray(), actual.Body.ToArray());
        Assert.Equal(expected.CallId, actual.CallId);
    }
}
