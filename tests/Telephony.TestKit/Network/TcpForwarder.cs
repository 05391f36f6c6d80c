using System.Net;
using System.Net.Sockets;

namespace Telephony.TestKit.Network;

/// <summary>
/// A loopback TCP port that forwards to another while switched on, and refuses or cuts connections while off:
/// how tests make a real database "go away" and "come back" without stopping it.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _acceptLoop;

    public TcpForwarder(int listenPort, IPEndPoint target)
    {
        Port = listenPort;
        _target = target;
    }

    public int Port { get; }

    public void SwitchOn()
    {
        if (_listener is not null)
        {
            return;
        }

        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _acceptLoop = new CancellationTokenSource();
        _ = AcceptAsync(_listener, _acceptLoop.Token);
    }

    /// <summary>Stops listening and cuts every forwarded connection.</summary>
    public async Task SwitchOffAsync()
    {
        if (_acceptLoop is not null)
        {
            await _acceptLoop.CancelAsync();
            _acceptLoop.Dispose();
            _acceptLoop = null;
        }

        _listener?.Stop();
        _listener = null;
        lock (_gate)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await SwitchOffAsync();

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target, cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_gate)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound, cancellationToken);
            _ = PumpAsync(outbound, inbound, cancellationToken);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The other side or SwitchOff closed the connection.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
