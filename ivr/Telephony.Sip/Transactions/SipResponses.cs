using Telephony.Sip.Messages;

namespace Telephony.Sip.Transactions;

/// <summary>
/// Responses to received requests (RFC 3261 8.2.6) with the top Via as stamped on receipt (RFC 3581 received/rport);
/// the other Vias, From, To (plus a tag), Call-ID and CSeq are copied as received.
/// </summary>
internal static class SipResponses
{
    public static SipMessageBuilder Create(SipRequest request, byte[]? stampedVia, int statusCode, string reasonPhrase, string? toTag)
    {
        if (stampedVia is null)
        {
            return SipResponse.CreateFor(request, statusCode, reasonPhrase, toTag);
        }

        var builder = SipMessageBuilder.Response(statusCode, reasonPhrase).AddRawHeader(SipHeaderKind.Via, stampedVia);
        var first = true;
        for (var i = 0; i < request.HeaderCount; i++)
        {
            var header = request.GetHeader(i);
            if (header.Kind != SipHeaderKind.Via)
            {
                continue;
            }

            if (first)
            {
                // The stamped value already holds this whole line (the top Via and any values after it on the line).
                first = false;
                continue;
            }

            builder.AddRawHeader(SipHeaderKind.Via, header.Value);
        }

        builder.CopyHeaders(request, SipHeaderKind.From);
        var toIndex = request.IndexOf(SipHeaderKind.To, 0);
        var needsTag = statusCode != 100 && request.To.Tag is null;
        builder.AddRawHeader(SipHeaderKind.To, request.ValueMemory(toIndex), needsTag ? ";tag=" + (toTag ?? SipTag.NewTag()) : null);
        return builder.CopyHeaders(request, SipHeaderKind.CallId).CopyHeaders(request, SipHeaderKind.CSeq);
    }
}
