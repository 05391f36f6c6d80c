using System.Net;

namespace Telephony.Sip.Transport;

/// <summary>One transport's state for the host's health endpoint.</summary>
public sealed record SipTransportHealth(SipTransportKind Kind, IPEndPoint LocalEndPoint, bool IsListening);
