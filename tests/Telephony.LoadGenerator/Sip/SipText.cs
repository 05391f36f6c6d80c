using System.Globalization;
using System.Text;
using Telephony.Sip.Messages;

namespace Telephony.LoadGenerator.Sip;

/// <summary>
/// The requests a caller sends, written out as text here (not with the server's builder), so that what the server
/// receives is what any phone might send: INVITE with a PCMU + telephone-event offer, ACK, BYE, and 200 to a BYE.
/// </summary>
internal static class SipText
{
    private const string Local = "127.0.0.1";

    public static string Invite(string number, string target, int sipPort, string user, string callId, string fromTag, string branch, int rtpPort)
    {
        var sdp = string.Create(CultureInfo.InvariantCulture, $"""
            v=0
            o=load {rtpPort} {rtpPort} IN IP4 {Local}
            s=load
            c=IN IP4 {Local}
            t=0 0
            m=audio {rtpPort} RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=sendrecv

            """).ReplaceLineEndings("\r\n");
        return Request("INVITE", $"sip:{number}@{target}", sipPort, branch, $"<sip:{user}@{Local}>;tag={fromTag}", $"<sip:{number}@{target}>",
            callId, "1 INVITE", $"Contact: <sip:{user}@{Local}:{sipPort}>\r\nContent-Type: application/sdp\r\n", sdp);
    }

    /// <summary>ACK of a 2xx: a new transaction to the remote target (RFC 3261 13.2.2.4).</summary>
    public static string AckSuccess(string requestUri, int sipPort, string branch, string from, string to, string callId) =>
        Request("ACK", requestUri, sipPort, branch, from, to, callId, "1 ACK", string.Empty, string.Empty);

    /// <summary>ACK of a final error: part of the INVITE transaction, same branch and Request-URI (RFC 3261 17.1.1.3).</summary>
    public static string AckFailure(string requestUri, int sipPort, string inviteBranch, string from, string to, string callId) =>
        Request("ACK", requestUri, sipPort, inviteBranch, from, to, callId, "1 ACK", string.Empty, string.Empty);

    public static string Bye(string requestUri, int sipPort, string branch, string from, string to, string callId) =>
        Request("BYE", requestUri, sipPort, branch, from, to, callId, "2 BYE", string.Empty, string.Empty);

    /// <summary>200 OK to a request of the server (its BYE): Via, From, To, Call-ID and CSeq copied back.</summary>
    public static string Ok(SipRequest request)
    {
        var text = new StringBuilder("SIP/2.0 200 OK\r\n");
        foreach (var via in request.GetHeaderValues("Via"))
        {
            text.Append("Via: ").Append(via).Append("\r\n");
        }

        foreach (var name in (ReadOnlySpan<string>)["From", "To", "Call-ID", "CSeq"])
        {
            text.Append(name).Append(": ").Append(request.GetHeaderValue(name)).Append("\r\n");
        }

        return text.Append("Content-Length: 0\r\n\r\n").ToString();
    }

    private static string Request(
        string method, string requestUri, int sipPort, string branch, string from, string to, string callId, string cseq, string extraHeaders, string body) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            {method} {requestUri} SIP/2.0
            Via: SIP/2.0/UDP {Local}:{sipPort};branch={branch};rport
            Max-Forwards: 70
            From: {from}
            To: {to}
            Call-ID: {callId}
            CSeq: {cseq}
            User-Agent: telephony-load
            {extraHeaders}Content-Length: {Encoding.UTF8.GetByteCount(body)}


            """).ReplaceLineEndings("\r\n") + body;
}
