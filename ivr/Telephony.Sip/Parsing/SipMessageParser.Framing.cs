using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>Content-Length framing of the body for datagrams and streams.</summary>
public sealed partial class SipMessageParser
{
    private (SipParseStatus Status, SipRejection Rejection) FrameBody(
        ReadOnlySpan<byte> span, ReadOnlySpan<SipHeaderEntry> headers, int messageStart, int bodyStart, bool stream, out int bodyLength)
    {
        var available = span.Length - bodyStart;
        bodyLength = stream ? 0 : available;
        var index = -1;
        for (var i = 0; i < headers.Length; i++)
        {
            if (headers[i].Kind != SipHeaderKind.ContentLength)
            {
                continue;
            }

            if (index >= 0)
            {
                return (SipParseStatus.Rejected, new SipRejection(SipRejectReason.DuplicateHeader, SipHeaderKind.ContentLength));
            }

            index = i;
        }

        if (index < 0)
        {
            return stream
                ? (SipParseStatus.Rejected, new SipRejection(SipRejectReason.MissingContentLength, SipHeaderKind.ContentLength))
                : CheckSize(bodyStart - messageStart + bodyLength, stream);
        }

        var entry = headers[index];
        var value = span.Slice(messageStart + entry.ValueStart, entry.ValueLength);
        if (!SipSyntax.TryParseNumber(value, int.MaxValue, out var contentLength))
        {
            return (SipParseStatus.Rejected, new SipRejection(SipRejectReason.InvalidHeaderValue, SipHeaderKind.ContentLength));
        }

        var tooLarge = CheckSize(bodyStart - messageStart + contentLength, stream);
        if (tooLarge.Status != SipParseStatus.Complete)
        {
            return tooLarge;
        }

        if (contentLength > available)
        {
            return stream
                ? (SipParseStatus.Incomplete, default)
                : (SipParseStatus.Rejected, new SipRejection(SipRejectReason.ContentLengthExceedsDatagram, SipHeaderKind.ContentLength));
        }

        bodyLength = (int)contentLength;
        return (SipParseStatus.Complete, default);
    }

    private (SipParseStatus Status, SipRejection Rejection) CheckSize(long messageLength, bool stream) =>
        messageLength > _options.MaxMessageSize
            ? (SipParseStatus.Rejected, new SipRejection(stream ? SipRejectReason.BodyTooLarge : SipRejectReason.MessageTooLarge))
            : (SipParseStatus.Complete, default);
}
