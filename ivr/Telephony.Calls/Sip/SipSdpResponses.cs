using Telephony.Sip.Messages;
using Telephony.Sip.Stack;

namespace Telephony.Calls.Sip;

/// <summary>Responses that refuse a session description, with the reason in a Warning header (RFC 3261 20.43).</summary>
internal static class SipSdpResponses
{
    public static SipMessageBuilder NotAcceptable(SipServerRequest request, string reason) =>
        request.CreateResponse(488, "Not Acceptable Here")
            .AddHeader(SipHeaderKind.Warning, "399 telephony \"" + reason.Replace('"', '\'') + "\"");
}
