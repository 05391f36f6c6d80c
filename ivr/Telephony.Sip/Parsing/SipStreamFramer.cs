using System.Buffers;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>
/// Finds whole messages in the bytes of a stream transport (TCP, TLS) by Content-Length (RFC 3261 18.3), wherever the
/// reads split them, and skips CRLF keep-alives (RFC 5626 4.4.1). Each message gets its own copy of its bytes, so the
/// caller can release the buffer it read into.
/// </summary>
public sealed class SipStreamFramer
{
    // Room for keep-alive CRLFs ahead of a message of the largest size, when the buffered bytes must be joined.
    private const int LeadingAllowance = 1024;

    private readonly SipMessageParser _parser;

    public SipStreamFramer(SipMessageParser? parser = null)
    {
        _parser = parser ?? new SipMessageParser();
    }

    /// <summary>
    /// Reads the next message and advances <paramref name="buffer"/> past what it consumed (keep-alives included).
    /// <see cref="SipParseStatus.Incomplete"/>: read more and call again with the rest plus the new bytes.
    /// <see cref="SipParseStatus.Rejected"/> with a message: answer it and carry on; without one: framing is lost, close the connection.
    /// </summary>
    public SipParseStatus TryReadMessage(ref ReadOnlySequence<byte> buffer, out SipMessage? message, out SipRejection rejection)
    {
        SipParseStatus status;
        int consumed;
        if (buffer.IsSingleSegment)
        {
            status = _parser.ParseStream(buffer.First, copy: true, out consumed, out message, out rejection);
        }
        else
        {
            var length = (int)Math.Min(buffer.Length, (long)_parser.Options.MaxMessageSize + LeadingAllowance + 1);
            var joined = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                buffer.Slice(0, length).CopyTo(joined);
                status = _parser.ParseStream(joined.AsMemory(0, length), copy: true, out consumed, out message, out rejection);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(joined);
            }
        }

        buffer = buffer.Slice(consumed);
        return status;
    }
}
