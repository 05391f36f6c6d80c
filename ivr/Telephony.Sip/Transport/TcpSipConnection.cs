using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Transport;

/// <summary>
/// One TCP connection: a read loop framing messages with <see cref="SipStreamFramer"/> and a write loop draining a
/// queue, so senders never block on the network.
/// </summary>
internal sealed class TcpSipConnection
{
    private const int ReadSize = 16 * 1024;

    private readonly Socket _socket;
    private readonly TcpSipTransport _transport;
    private readonly ISipTransportSink _sink;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _closing = new();
    private long _lastActivityTimestamp;
    private int _closed;

    public TcpSipConnection(long id, Socket socket, IPEndPoint remote, TcpSipTransport transport, ISipTransportSink sink, ILogger logger, long now)
    {
        Id = id;
        _socket = socket;
        Remote = remote;
        _transport = transport;
        _sink = sink;
        _logger = logger;
        _lastActivityTimestamp = now;
    }

    public long Id { get; }

    public IPEndPoint Remote { get; }

    public long LastActivityTimestamp => Interlocked.Read(ref _lastActivityTimestamp);

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public Task RunAsync(Task? connecting) => Task.WhenAll(ReadLoopAsync(connecting), WriteLoopAsync(connecting));

    public bool Enqueue(ReadOnlySpan<byte> message) => !IsClosed && _outbox.Writer.TryWrite(message.ToArray());

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _outbox.Writer.TryComplete();
        _closing.Cancel();
        _socket.Dispose();
        _transport.Forget(this);
    }

    private async Task ReadLoopAsync(Task? connecting)
    {
        var framer = new SipStreamFramer(_sink.Parser);
        var pending = ArrayPool<byte>.Shared.Rent(ReadSize * 2);
        var length = 0;
        try
        {
            if (connecting is not null)
            {
                await connecting;
            }

            while (!IsClosed)
            {
                if (pending.Length - length < ReadSize)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(pending.Length * 2);
                    pending.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(pending);
                    pending = larger;
                }

                var read = await _socket.ReceiveAsync(pending.AsMemory(length), SocketFlags.None, _closing.Token);
                if (read == 0)
                {
                    break;
                }

                Interlocked.Exchange(ref _lastActivityTimestamp, _transport.Now);
                length += read;
                var consumed = Frame(framer, pending, length, out var framingLost);
                if (framingLost)
                {
                    break;
                }

                pending.AsSpan(consumed, length - consumed).CopyTo(pending);
                length -= consumed;
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or we closed: the finally block tidies up.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(pending);
            Close();
        }
    }

    private int Frame(SipStreamFramer framer, byte[] pending, int length, out bool framingLost)
    {
        framingLost = false;
        var buffer = new ReadOnlySequence<byte>(pending, 0, length);
        while (true)
        {
            var before = buffer.Length;
            var status = framer.TryReadMessage(ref buffer, out var message, out var rejection);
            var source = new SipSource(_transport, Remote, Id);
            if (status == SipParseStatus.Complete)
            {
                Deliver(message!, source);
            }
            else if (status == SipParseStatus.Rejected)
            {
                _sink.OnRejected(rejection, message, source);
                if (message is null)
                {
                    framingLost = true;
                    return length;
                }
            }
            else
            {
                return length - (int)buffer.Length;
            }

            if (buffer.Length == before)
            {
                return length - (int)buffer.Length;
            }
        }
    }

    private void Deliver(SipMessage message, SipSource source)
    {
        try
        {
            _sink.OnMessage(message, source);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            SipLog.ReceiveHandlerFailed(_logger, SipTransportKind.Tcp, Remote, exception);
        }
    }

    private async Task WriteLoopAsync(Task? connecting)
    {
        try
        {
            if (connecting is not null)
            {
                await connecting;
            }

            await foreach (var message in _outbox.Reader.ReadAllAsync(_closing.Token))
            {
                var sent = 0;
                while (sent < message.Length)
                {
                    sent += await _socket.SendAsync(message.AsMemory(sent), SocketFlags.None, _closing.Token);
                }

                Interlocked.Exchange(ref _lastActivityTimestamp, _transport.Now);
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            SipLog.ConnectionClosed(_logger, Remote, exception.Message);
        }
        finally
        {
            Close();
        }
    }
}
