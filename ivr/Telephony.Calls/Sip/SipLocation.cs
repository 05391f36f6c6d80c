using System.Net;
using Telephony.Sip.Transport;

namespace Telephony.Calls.Sip;

/// <summary>
/// One registered contact: the Contact URI exactly as the phone registered it (the INVITE's request URI) and the
/// address to send to (the REGISTER's source, so phones behind NAT are reached on the flow they opened).
/// </summary>
public sealed record SipLocation(string ContactUri, IPEndPoint Destination, SipTransportKind Transport = SipTransportKind.Udp);
