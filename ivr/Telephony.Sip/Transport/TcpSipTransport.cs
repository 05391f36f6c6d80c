using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Telephony.Sip.Transport;

/// <summary>
/// SIP over TCP, or over TLS when given <see cref="SipTlsSettings"/> (RFC 3261 26.2: the same framing inside an
/// <see cref="SslStream"/>): a listener, one connection per peer reused for every message to it (inbound or outbound), a bound on
/// open connections, and idle connections closed by <see cref="CloseIdleConnections"/>, which the stack calls from its
/// one shared timer tick (the transport owns no timer).
/// </summary>
public sealed class TcpSipTransport : ISipTransport
{
    private readonly IPEndPoint _requested;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _idleTimeout;
    private readonly int _maxConnections;
    private readonly SipTlsSettings? _tls;
    private readonly ConcurrentDictionary<long, TcpSipConnection> _byId = new();
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _byPeer = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];
    private Socket? _listener;
    private ISipTransportSink? _sink;
    private IPEndPoint _local;
    private long _nextId;
    private volatile bool _listening;

    public TcpSipTransport(IPEndPoint localEndPoint, TimeProvider time, ILogger logger, TimeSpan idleTimeout, int maxConnections)
        : this(localEndPoint, time, logger, idleTimeout, maxConnections, tls: null)
    {
    }

    /// <summary>A TLS transport when <paramref name="tls"/> is set, else plain TCP.</summary>
    public TcpSipTransport(IPEndPoint localEndPoint, TimeProvider time, ILogger logger, TimeSpan idleTimeout, int maxConnections, SipTlsSettings? tls)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        _requested = localEndPoint;
        _local = localEndPoint;
        _time = time;
        _logger = logger;
        _idleTimeout = idleTimeout;
        _maxConnections = maxConnections;
        _tls = tls;
    }

    public SipTransportKind Kind => _tls is null ? SipTransportKind.Tcp : SipTransportKind.Tls;

    public bool IsReliable => true;

    public IPEndPoint LocalEndPoint => _local;

    public bool IsListening => _listening;

    /// <summary>Open connections, inbound and outbound.</summary>
    public int ConnectionCount => _byId.Count;

    internal long Now => _time.GetTimestamp();

    public void Start(ISipTransportSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_listener is not null)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        _sink = sink;
        var listener = new Socket(_requested.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (_requested.AddressFamily == AddressFamily.InterNetworkV6)
        {
            listener.DualMode = false;
        }

        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(_requested);
        listener.Listen(512);
        _listener = listener;
        _local = (IPEndPoint)listener.LocalEndPoint!;
        _listening = true;
        lock (_running)
        {
            _running.Add(AcceptLoopAsync(listener));
        }

        SipLog.TransportListening(_logger, Kind, _local);
    }

    public bool Send(ReadOnlySpan<byte> message, IPEndPoint remote, long connectionId = 0)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (!_listening)
        {
            return false;
        }

        if (connectionId != 0 && _byId.TryGetValue(connectionId, out var same) && !same.IsClosed)
        {
            return same.Enqueue(message);
        }

        if (_byPeer.TryGetValue(remote, out var existing) && !existing.IsClosed)
        {
            return existing.Enqueue(message);
        }

        var connection = Connect(remote);
        return connection is not null && connection.Enqueue(message);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _listening = false;
        await _stopping.CancelAsync();
        _listener?.Dispose();
        foreach (var connection in _byId.Values)
        {
            connection.Close();
        }

        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    /// <summary>True when a connection to <paramref name="remote"/> is open (a send to it reuses the connection).</summary>
    public bool HasOpenConnection(IPEndPoint remote) => _byPeer.TryGetValue(remote, out var connection) && !connection.IsClosed;

    internal void Forget(TcpSipConnection connection)
    {
        _byId.TryRemove(connection.Id, out _);
        _byPeer.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(connection.Remote, connection));
    }

    private TcpSipConnection? Connect(IPEndPoint remote)
    {
        if (_byId.Count >= _maxConnections)
        {
            SipLog.ConnectionRefused(_logger, Kind, remote, _maxConnections);
            return null;
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connection = Track(socket, remote);
        if (!_byPeer.TryAdd(remote, connection))
        {
            // Another sender connected to this peer at the same moment: use theirs.
            _byId.TryRemove(connection.Id, out _);
            socket.Dispose();
            return _byPeer.TryGetValue(remote, out var winner) ? winner : null;
        }

        Run(connection, token => OpenAsync(socket, remote, outbound: true, token));
        return connection;
    }

    private TcpSipConnection Track(Socket socket, IPEndPoint remote)
    {
        var connection = new TcpSipConnection(Interlocked.Increment(ref _nextId), socket, remote, this, _sink!, _logger, Now);
        _byId[connection.Id] = connection;
        return connection;
    }

    private void Run(TcpSipConnection connection, Func<CancellationToken, Task<Stream>> open)
    {
        var task = connection.RunAsync(open);
        lock (_running)
        {
            _running.RemoveAll(static t => t.IsCompleted);
            _running.Add(task);
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                break;
            }

            if (_byId.Count >= _maxConnections)
            {
                SipLog.ConnectionRefused(_logger, Kind, (IPEndPoint)accepted.RemoteEndPoint!, _maxConnections);
                accepted.Dispose();
                continue;
            }

            accepted.NoDelay = true;
            var remote = (IPEndPoint)accepted.RemoteEndPoint!;
            var connection = Track(accepted, remote);
            _byPeer[remote] = connection;
            Run(connection, token => OpenAsync(accepted, remote, outbound: false, token));
        }

        _listening = false;
    }

    /// <summary>Connects (outbound), then for TLS runs the handshake, bounded by the settings' handshake timeout.</summary>
    private async Task<Stream> OpenAsync(Socket socket, IPEndPoint remote, bool outbound, CancellationToken cancellationToken)
    {
        if (outbound)
        {
            await socket.ConnectAsync(remote, cancellationToken);
        }

        var network = new NetworkStream(socket, ownsSocket: false);
        if (_tls is null)
        {
            return network;
        }

        var secure = new SslStream(network, leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(_tls.HandshakeTimeout, _time);
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (outbound)
            {
                await secure.AuthenticateAsClientAsync(ClientOptions(remote), handshake.Token);
            }
            else
            {
                await secure.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = _tls.ServerContext }, handshake.Token);
            }

            return secure;
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException or OperationCanceledException)
        {
            SipLog.TlsHandshakeFailed(_logger, remote, timeout.IsCancellationRequested ? "timed out" : exception.Message);
            await secure.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// We connect to an address, not a name (the destination comes from a Contact or a registration's source), so the
    /// address is the name checked against the peer's certificate when verification is on.
    /// </summary>
    private SslClientAuthenticationOptions ClientOptions(IPEndPoint remote) => new()
    {
        TargetHost = remote.Address.ToString(),
        RemoteCertificateValidationCallback = _tls!.VerifyRemoteCertificate ? null : AcceptAnyCertificate,
    };

    private static bool AcceptAnyCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

    /// <summary>Closes connections with no traffic either way for the idle timeout; returns how many.</summary>
    public int CloseIdleConnections()
    {
        var closed = 0;
        foreach (var connection in _byId.Values)
        {
            if (_time.GetElapsedTime(connection.LastActivityTimestamp) >= _idleTimeout)
            {
                SipLog.ConnectionClosed(_logger, Kind, connection.Remote, "idle");
                connection.Close();
                closed++;
            }
        }

        return closed;
    }
}
