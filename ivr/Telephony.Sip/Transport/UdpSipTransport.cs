using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Telephony.Sip.Transport;

/// <summary>
/// SIP over UDP on one socket (IPv4 or IPv6). One dedicated receive thread per socket uses the synchronous
/// <c>ReceiveFrom(Span, SocketFlags, SocketAddress)</c> overload into one pooled buffer, so a datagram costs no
/// allocation beyond the message it becomes (a CRLF keep-alive costs none at all).
/// </summary>
public sealed class UdpSipTransport : ISipTransport
{
    // The largest UDP payload, plus one byte so an oversize datagram is seen as such instead of being truncated silently.
    private const int ReceiveBufferSize = 65536;

    private readonly IPEndPoint _requested;
    private readonly ILogger _logger;
    private Socket? _socket;
    private Thread? _thread;
    private ISipTransportSink? _sink;
    private IPEndPoint _local;
    private volatile bool _listening;

    public UdpSipTransport(IPEndPoint localEndPoint, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        ArgumentNullException.ThrowIfNull(logger);
        _requested = localEndPoint;
        _local = localEndPoint;
        _logger = logger;
    }

    public SipTransportKind Kind => SipTransportKind.Udp;

    public bool IsReliable => false;

    public IPEndPoint LocalEndPoint => _local;

    public bool IsListening => _listening;

    public void Start(ISipTransportSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_socket is not null)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        _sink = sink;
        var socket = new Socket(_requested.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (_requested.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.DualMode = false;
        }

        socket.ReceiveBufferSize = 4 * 1024 * 1024;
        socket.Bind(_requested);
        _socket = socket;
        _local = (IPEndPoint)socket.LocalEndPoint!;
        _listening = true;
        _thread = new Thread(ReceiveLoop) { IsBackground = true, Name = $"sip-udp {_local}" };
        _thread.Start();
        SipLog.TransportListening(_logger, Kind, _local);
    }

    public bool Send(ReadOnlySpan<byte> message, IPEndPoint remote, long connectionId = 0)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var socket = _socket;
        if (socket is null || !_listening)
        {
            return false;
        }

        try
        {
            var target = remote.AddressFamily == socket.AddressFamily ? remote : MapFamily(remote, socket.AddressFamily);
            if (target is null)
            {
                return false;
            }

            socket.SendTo(message, SocketFlags.None, target);
            return true;
        }
        catch (SocketException exception)
        {
            SipLog.SendFailed(_logger, Kind, remote, exception.SocketErrorCode);
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listening = false;
        _socket?.Dispose();
        _thread?.Join(TimeSpan.FromSeconds(2));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));

    private static IPEndPoint? MapFamily(IPEndPoint remote, AddressFamily family) =>
        family == AddressFamily.InterNetworkV6 && remote.AddressFamily == AddressFamily.InterNetwork
            ? new IPEndPoint(remote.Address.MapToIPv6(), remote.Port)
            : null;

    private void ReceiveLoop()
    {
        var socket = _socket!;
        var sink = _sink!;
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        var address = new SocketAddress(socket.AddressFamily);
        var template = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (_listening)
            {
                int received;
                try
                {
                    received = socket.ReceiveFrom(buffer.AsSpan(0, ReceiveBufferSize), SocketFlags.None, address);
                }
                catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    // An ICMP port-unreachable from an earlier send, or a datagram larger than any SIP message: carry on.
                    continue;
                }

                if (received == 0 || IsKeepAlive(buffer.AsSpan(0, received)))
                {
                    continue;
                }

                // The endpoint is kept by the message's source; the receive buffer is not (the parser copies).
                var remote = (IPEndPoint)template.Create(address);
                try
                {
                    SipDatagram.Deliver(sink, buffer.AsMemory(0, received), new SipSource(this, remote), copy: true);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // A fault above the transport must not stop the socket for every other peer.
                    SipLog.ReceiveHandlerFailed(_logger, Kind, remote, exception);
                }
            }
        }
        catch (SocketException) when (!_listening)
        {
            // Closed by StopAsync.
        }
        catch (ObjectDisposedException)
        {
            // Closed by StopAsync.
        }
        finally
        {
            _listening = false;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsKeepAlive(ReadOnlySpan<byte> datagram) => datagram.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0;
}
