using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.LoadGenerator.Sip;

/// <summary>
/// One SIP source port of the generator: a UDP socket and a thread that parses what arrives and queues it for the
/// driver. Several channels spread the calls over several source ports, as a trunk of several SBCs would.
/// </summary>
internal sealed class SipChannel : IDisposable
{
    private readonly Socket _socket;
    private readonly SocketAddress _target;
    private readonly ConcurrentQueue<SipMessage> _inbox;
    private readonly SipMessageParser _parser = new();
    private readonly Thread _thread;
    private long _unreadable;

    public SipChannel(IPEndPoint target, ConcurrentQueue<SipMessage> inbox)
    {
        _inbox = inbox;
        _target = target.Serialize();
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        // 600 calls a second answered in bursts: a larger buffer than the 208 KiB default keeps responses from being dropped.
        _socket.ReceiveBufferSize = 4 << 20;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        LocalPort = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _thread = new Thread(Run) { IsBackground = true, Name = $"load-sip-{LocalPort}" };
        _thread.Start();
    }

    public int LocalPort { get; }

    /// <summary>Datagrams that did not parse as SIP.</summary>
    public long Unreadable => Interlocked.Read(ref _unreadable);

    public void Send(string message) => _socket.SendTo(Encoding.UTF8.GetBytes(message), SocketFlags.None, _target);

    public void Dispose()
    {
        _socket.Dispose();
        _thread.Join();
    }

    private void Run()
    {
        var buffer = new byte[65536];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (true)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
            {
                continue;
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_parser.ParseDatagramCopy(buffer.AsMemory(0, length), out var message, out _) == SipParseStatus.Complete && message is not null)
            {
                _inbox.Enqueue(message);
            }
            else
            {
                Interlocked.Increment(ref _unreadable);
            }
        }
    }
}
