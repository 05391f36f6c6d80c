using System.Net;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Stack;

/// <summary>What an outgoing INVITE needs (the UAC helper, <see cref="SipStack.InviteAsync"/>).</summary>
public sealed record SipInviteRequest(string RequestUri, string From, string To, IPEndPoint Destination)
{
    public SipTransportKind Transport { get; init; } = SipTransportKind.Udp;

    /// <summary>The SDP offer; empty for an offerless INVITE.</summary>
    public ReadOnlyMemory<byte> Sdp { get; init; }

    /// <summary>Our Contact; the stack's own address when null.</summary>
    public string? Contact { get; init; }
}
