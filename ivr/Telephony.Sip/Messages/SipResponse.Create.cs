using Telephony.Sip.Parsing;

namespace Telephony.Sip.Messages;

/// <summary>Building responses to received requests (RFC 3261 8.2.6).</summary>
public sealed partial class SipResponse
{
    /// <summary>
    /// Starts a response to <paramref name="request"/>: copies every Via, From, To, Call-ID and CSeq as received
    /// (8.2.6.2) and, unless the status is 100 or To already has a tag, adds <paramref name="toTag"/> (a new random tag
    /// when null) to To. Works on a request the parser rejected too, as long as those headers are present.
    /// Record-Route, Contact and the rest are for the layer above to add.
    /// </summary>
    public static SipMessageBuilder CreateFor(SipMessage request, int statusCode, string reasonPhrase, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest)
        {
            throw new ArgumentException("Responses answer requests.", nameof(request));
        }

        var builder = SipMessageBuilder.Response(statusCode, reasonPhrase)
            .CopyHeaders(request, SipHeaderKind.Via)
            .CopyHeaders(request, SipHeaderKind.From);
        var toIndex = request.IndexOf(SipHeaderKind.To, 0);
        if (toIndex >= 0)
        {
            var to = request.ValueMemory(toIndex);
            var needsTag = statusCode != 100 && !HasTag(to.Span);
            builder.AddRawHeader(SipHeaderNames.GetName(SipHeaderKind.To), to, needsTag ? ";tag=" + (toTag ?? SipTag.NewTag()) : null);
        }

        return builder
            .CopyHeaders(request, SipHeaderKind.CallId)
            .CopyHeaders(request, SipHeaderKind.CSeq);
    }

    private static bool HasTag(ReadOnlySpan<byte> to)
    {
        if (!NameAddressParser.TryParse(to, out var parts) || !parts.Parameters.IsPresent)
        {
            return false;
        }

        var reader = new SipParameterReader(parts.Parameters.Of(to), (byte)';');
        while (reader.TryRead(out var name, out _, out _))
        {
            if (System.Text.Ascii.EqualsIgnoreCase(name, "tag"u8))
            {
                return true;
            }
        }

        return false;
    }
}
