using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>
/// Parses SIP messages from bytes, after Kestrel's HttpParser: spans in, offsets out, <see cref="SipParseStatus.Incomplete"/>
/// while a stream has not delivered the whole message, a typed <see cref="SipRejection"/> otherwise; never throws on input.
/// A rejected message whose header section could be read is still returned so the caller can answer it
/// (<see cref="SipResponse.CreateFor"/>); a message is otherwise usable only on <see cref="SipParseStatus.Complete"/>.
/// </summary>
public sealed partial class SipMessageParser
{
    [ThreadStatic]
    private static SipHeaderEntry[]? t_scratch;

    private readonly SipParserOptions _options;

    public SipMessageParser(SipParserOptions? options = null)
    {
        _options = options ?? SipParserOptions.Default;
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }
    }

    public SipParserOptions Options => _options;

    /// <summary>
    /// Parses one datagram. The message keeps <paramref name="datagram"/>, which must not be reused while the message is.
    /// Without Content-Length the body is the rest of the datagram; octets past Content-Length are ignored (RFC 3261 18.3).
    /// A datagram of nothing but CRLF keep-alives gives <see cref="SipParseStatus.Incomplete"/>: ignore it.
    /// </summary>
    public SipParseStatus ParseDatagram(ReadOnlyMemory<byte> datagram, out SipMessage? message, out SipRejection rejection) =>
        Parse(datagram, stream: false, copy: false, out _, out message, out rejection);

    /// <summary>Parses one datagram from a receive buffer that will be reused: the message gets its own copy of its bytes.</summary>
    public SipParseStatus ParseDatagramCopy(ReadOnlyMemory<byte> datagram, out SipMessage? message, out SipRejection rejection) =>
        Parse(datagram, stream: false, copy: true, out _, out message, out rejection);

    /// <summary>
    /// Parses the first message of stream bytes (Content-Length framing, RFC 3261 18.3). <paramref name="consumed"/> counts the
    /// bytes to drop: leading CRLF keep-alives even when incomplete, the whole message when complete or rejected after framing.
    /// A rejection with no message means framing is lost and the connection should be closed.
    /// </summary>
    public SipParseStatus ParseStream(ReadOnlyMemory<byte> buffer, bool copy, out int consumed, out SipMessage? message, out SipRejection rejection) =>
        Parse(buffer, stream: true, copy, out consumed, out message, out rejection);

    private SipParseStatus Parse(ReadOnlyMemory<byte> input, bool stream, bool copy, out int consumed, out SipMessage? message, out SipRejection rejection)
    {
        message = null;
        rejection = default;
        var span = input.Span;
        var start = 0;
        while (start < span.Length && span[start] is (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        consumed = start;
        if (start == span.Length)
        {
            return SipParseStatus.Incomplete;
        }

        var firstLineEnd = span[start..].IndexOf((byte)'\n');
        if (firstLineEnd < 0)
        {
            return NeedMore(span.Length - start, stream, out rejection);
        }

        firstLineEnd += start;
        var fault = StartLineParser.Parse(TrimCarriageReturn(span[start..firstLineEnd]), out var startLine);
        if (fault != SipRejectReason.None)
        {
            return Reject(new SipRejection(fault), out rejection);
        }

        var scratch = t_scratch;
        if (scratch is null || scratch.Length < _options.MaxHeaderCount)
        {
            scratch = t_scratch = new SipHeaderEntry[_options.MaxHeaderCount];
        }

        var headerStatus = ReadHeaders(span, start, firstLineEnd + 1, stream, scratch, out var headerCount, out var bodyStart, out rejection);
        if (headerStatus != SipParseStatus.Complete)
        {
            return headerStatus;
        }

        var framing = FrameBody(span, scratch.AsSpan(0, headerCount), start, bodyStart, stream, out var bodyLength);
        if (framing.Status == SipParseStatus.Incomplete)
        {
            return NeedMore(span.Length - start, stream, out rejection);
        }

        if (framing.Status == SipParseStatus.Rejected && stream)
        {
            return Reject(framing.Rejection, out rejection);
        }

        var end = bodyStart + bodyLength;
        var bytes = copy ? input[start..end].ToArray() : input[start..end];
        var headers = scratch.AsSpan(0, headerCount).ToArray();
        message = startLine.IsResponse
            ? new SipResponse(bytes, headers, bodyStart - start, bodyLength, startLine.StatusCode, startLine.ReasonStart, startLine.ReasonLength)
            : new SipRequest(bytes, headers, bodyStart - start, bodyLength, startLine.Method, startLine.MethodLength, startLine.UriStart, startLine.UriLength);
        consumed = end;

        var semantic = framing.Status == SipParseStatus.Rejected ? framing.Rejection : SipMessageValidator.Validate(message, startLine);
        return semantic.Reason == SipRejectReason.None ? SipParseStatus.Complete : Reject(semantic, out rejection);
    }

    private SipParseStatus ReadHeaders(
        ReadOnlySpan<byte> span, int messageStart, int pos, bool stream, SipHeaderEntry[] scratch, out int count, out int bodyStart, out SipRejection rejection)
    {
        count = 0;
        bodyStart = 0;
        rejection = default;
        while (true)
        {
            if (pos >= span.Length)
            {
                if (!stream && pos > messageStart)
                {
                    // A datagram that ends right after a header line lacks only the empty line: take it as the end of the headers.
                    bodyStart = pos;
                    return SipParseStatus.Complete;
                }

                return NeedMore(span.Length - messageStart, stream, out rejection);
            }

            var first = span[pos];
            if (first == '\n' || (first == '\r' && pos + 1 < span.Length && span[pos + 1] == '\n'))
            {
                bodyStart = pos + (first == '\n' ? 1 : 2);
                return SipParseStatus.Complete;
            }

            if (first is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                return pos + 1 >= span.Length
                    ? NeedMore(span.Length - messageStart, stream, out rejection)
                    : Reject(new SipRejection(first == '\r' ? SipRejectReason.MalformedLineEnding : SipRejectReason.MalformedHeaderLine), out rejection);
            }

            var lineEnd = FindFoldedLineEnd(span, pos, stream);
            if (lineEnd < 0)
            {
                return NeedMore(span.Length - messageStart, stream, out rejection);
            }

            var nameLength = SipSyntax.IndexOfNonToken(span[pos..lineEnd]);
            var nameEnd = nameLength < 0 ? lineEnd : pos + nameLength;

            var colon = nameEnd;
            while (colon < lineEnd && span[colon] is (byte)' ' or (byte)'\t')
            {
                colon++;
            }

            if (nameEnd == pos || colon == lineEnd || span[colon] != ':')
            {
                return Reject(new SipRejection(SipRejectReason.MalformedHeaderLine), out rejection);
            }

            if (count == _options.MaxHeaderCount)
            {
                return Reject(new SipRejection(SipRejectReason.TooManyHeaders), out rejection);
            }

            var valueStart = colon + 1;
            var valueEnd = lineEnd;
            while (valueStart < valueEnd && SipSyntax.IsWhitespace(span[valueStart]))
            {
                valueStart++;
            }

            while (valueEnd > valueStart && SipSyntax.IsWhitespace(span[valueEnd - 1]))
            {
                valueEnd--;
            }

            var kind = SipHeaderNames.Lookup(span[pos..nameEnd]);
            scratch[count++] = new SipHeaderEntry(kind, pos - messageStart, nameEnd - pos, valueStart - messageStart, valueEnd - valueStart);
            pos = lineEnd + 1;
        }
    }

    /// <summary>The LF that ends the header line at <paramref name="pos"/>, following folded continuation lines; -1 if more input is needed.</summary>
    private static int FindFoldedLineEnd(ReadOnlySpan<byte> span, int pos, bool stream)
    {
        var lineFeed = span[pos..].IndexOf((byte)'\n');
        if (lineFeed < 0)
        {
            return -1;
        }

        lineFeed += pos;
        while (true)
        {
            if (lineFeed + 1 >= span.Length)
            {
                return stream ? -1 : lineFeed;
            }

            if (span[lineFeed + 1] is not ((byte)' ' or (byte)'\t'))
            {
                return lineFeed;
            }

            var next = span[(lineFeed + 1)..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return -1;
            }

            lineFeed += next + 1;
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) => line is [.. var rest, (byte)'\r'] ? rest : line;

    private SipParseStatus NeedMore(int bufferedLength, bool stream, out SipRejection rejection)
    {
        if (bufferedLength > _options.MaxMessageSize)
        {
            return Reject(new SipRejection(SipRejectReason.MessageTooLarge), out rejection);
        }

        rejection = default;
        return stream ? SipParseStatus.Incomplete : Reject(new SipRejection(SipRejectReason.TruncatedMessage), out rejection);
    }

    private static SipParseStatus Reject(SipRejection reason, out SipRejection rejection)
    {
        rejection = reason;
        return SipParseStatus.Rejected;
    }
}
