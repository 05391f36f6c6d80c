using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Telephony.Calls.Tests.Support;

/// <summary>A loopback UDP socket read by a thread of its own, noting each datagram's second byte and when it arrived (a <see cref="Stopwatch"/> timestamp).</summary>
public sealed class TimedUdpReceiver : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Thread _thread;
    private volatile bool _stopping;

    public TimedUdpReceiver()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveTimeout = 100;
        _thread = new Thread(Receive) { IsBackground = true, Name = "timed-udp-receiver" };
        _thread.Start();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public ConcurrentQueue<(byte Number, long At)> Arrivals { get; } = new();

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _socket.Dispose();
    }

    private void Receive()
    {
        var buffer = new byte[1024];
        while (!_stopping)
        {
            try
            {
                var length = _socket.Receive(buffer);
                Arrivals.Enqueue((length > 1 ? buffer[1] : (byte)0, Stopwatch.GetTimestamp()));
            }
            catch (SocketException)
            {
                // Receive timeout: look at the stop flag again.
            }
        }
    }
}
