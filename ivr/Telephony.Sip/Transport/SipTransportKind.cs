namespace Telephony.Sip.Transport;

/// <summary>The kind of a transport, as written in Via (UDP, TCP, TLS) or LOOP for the in-process test network.</summary>
public enum SipTransportKind
{
    Udp,
    Tcp,
    Loop,
    Tls,
}
