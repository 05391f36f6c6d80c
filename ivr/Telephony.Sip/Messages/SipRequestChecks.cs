namespace Telephony.Sip.Messages;

/// <summary>
/// The request checks that are policy of the element above the parser (RFC 3261 8.2.1-8.2.3, 16.3): each returns the
/// response to send, or null when the request passes. A UAS runs them in the order given here.
/// </summary>
public static class SipRequestChecks
{
    /// <summary>405 Method Not Allowed with Allow, when the method is not one the element handles.</summary>
    public static SipMessageBuilder? CheckMethod(SipRequest request, IReadOnlyCollection<SipMethod> allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowed);
        if (allowed.Contains(request.Method) && request.Method != SipMethod.Extension)
        {
            return null;
        }

        return SipResponse.CreateFor(request, 405, "Method Not Allowed")
            .AddHeader(SipHeaderKind.Allow, string.Join(", ", allowed.Select(SipMethods.GetName)));
    }

    /// <summary>416 Unsupported URI Scheme for a Request-URI that is not sip, sips or tel (RFC 4475 3.3.2, 3.3.3).</summary>
    public static SipMessageBuilder? CheckRequestUriScheme(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.RequestUri.Scheme == SipUriScheme.Other ? SipResponse.CreateFor(request, 416, "Unsupported URI Scheme") : null;
    }

    /// <summary>
    /// 420 Bad Extension listing in Unsupported every option-tag of Require (and Proxy-Require, for a proxy) that is
    /// not in <paramref name="supported"/>. ACK and CANCEL are never refused this way (RFC 3261 8.2.2.3).
    /// </summary>
    public static SipMessageBuilder? CheckRequire(SipRequest request, IReadOnlySet<string> supported, bool actingAsProxy = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(supported);
        if (request.Method is SipMethod.Ack or SipMethod.Cancel)
        {
            return null;
        }

        var required = actingAsProxy ? request.ProxyRequire : request.Require;
        var unsupported = required.Where(tag => !supported.Contains(tag)).Distinct(StringComparer.Ordinal).ToList();
        return unsupported.Count == 0
            ? null
            : SipResponse.CreateFor(request, 420, "Bad Extension").AddHeader(SipHeaderKind.Unsupported, string.Join(", ", unsupported));
    }

    /// <summary>483 Too Many Hops when a request that must be forwarded has Max-Forwards 0 (RFC 3261 16.3 step 3).</summary>
    public static SipMessageBuilder? CheckMaxForwards(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.MaxForwards == 0 ? SipResponse.CreateFor(request, 483, "Too Many Hops") : null;
    }

    /// <summary>415 Unsupported Media Type with Accept, when a body's Content-Type is not among <paramref name="accepted"/>.</summary>
    public static SipMessageBuilder? CheckContentType(SipRequest request, IReadOnlyCollection<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accepted);
        if (request.Body.IsEmpty || request.ContentType is not { } contentType)
        {
            return null;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase)
            ? null
            : SipResponse.CreateFor(request, 415, "Unsupported Media Type").AddHeader(SipHeaderKind.Accept, string.Join(", ", accepted));
    }
}
