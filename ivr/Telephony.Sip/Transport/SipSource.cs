using System.Net;

namespace Telephony.Sip.Transport;

/// <summary>
/// Where a message came from: the transport, the peer's address as seen on the socket, and for a connection-oriented
/// transport the connection it arrived on (responses go back on the same connection, RFC 3261 18.2.2).
/// </summary>
public readonly record struct SipSource(ISipTransport Transport, IPEndPoint Remote, long ConnectionId = 0);
