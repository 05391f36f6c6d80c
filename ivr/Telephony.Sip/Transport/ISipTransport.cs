using System.Net;

namespace Telephony.Sip.Transport;

/// <summary>
/// A SIP transport (RFC 3261 18): receives messages into an <see cref="ISipTransportSink"/> and sends bytes to a peer.
/// Layers above call down through <see cref="Send"/> and get callbacks up through the sink.
/// </summary>
public interface ISipTransport : IAsyncDisposable
{
    SipTransportKind Kind { get; }

    /// <summary>Reliable transports carry no retransmissions (RFC 3261 17.1.1.2, 17.1.2.2).</summary>
    bool IsReliable { get; }

    /// <summary>The bound local address (with the actual port when 0 was asked for).</summary>
    IPEndPoint LocalEndPoint { get; }

    bool IsListening { get; }

    /// <summary>Binds and starts receiving; received messages and rejections go to <paramref name="sink"/>.</summary>
    void Start(ISipTransportSink sink);

    /// <summary>
    /// Sends one message. <paramref name="connectionId"/> names the connection a request arrived on (0: any, or a new one).
    /// Returns false when the message could not be handed to the network.
    /// </summary>
    bool Send(ReadOnlySpan<byte> message, IPEndPoint remote, long connectionId = 0);

    /// <summary>Stops receiving and closes the sockets.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
