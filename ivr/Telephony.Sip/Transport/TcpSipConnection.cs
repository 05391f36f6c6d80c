using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Transport;

/// <summary>
/// One TCP or TLS connection: a read loop framing messages with <see cref="SipStreamFramer"/> and a write loop
/// draining a queue, so senders never block on the network. Both loops wait for the stream the transport opens
/// (connect, then the TLS handshake when the transport is TLS); a connection whose opening fails just closes.
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
    private Stream? _stream;
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

    /// <summary>Opens the stream with <paramref name="open"/> (connect, TLS handshake) and runs both loops over it.</summary>
    public Task RunAsync(Func<CancellationToken, Task<Stream>> open)
    {
        var opening = OpenAsync(open);
        return Task.WhenAll(ReadLoopAsync(opening), WriteLoopAsync(opening));
    }

    public bool Enqueue(ReadOnlySpan<byte> message) => !IsClosed && _outbox.Writer.TryWrite(message.ToArray());

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _outbox.Writer.TryComplete();
        _closing.Cancel();
        Interlocked.Exchange(ref _stream, null)?.Dispose();
        _socket.Dispose();
        _transport.Forget(this);
    }

    private async Task<Stream> OpenAsync(Func<CancellationToken, Task<Stream>> open)
    {
        var stream = await open(_closing.Token);
        Volatile.Write(ref _stream, stream);
        if (IsClosed)
        {
            // Closed while opening: Close found no stream to dispose.
            if (Interlocked.Exchange(ref _stream, null) is { } orphan)
            {
                await orphan.DisposeAsync();
            }

            throw new ObjectDisposedException(nameof(TcpSipConnection));
        }

        return stream;
    }

    private async Task ReadLoopAsync(Task<Stream> opening)
    {
        var framer = new SipStreamFramer(_sink.Parser);
        var pending = ArrayPool<byte>.Shared.Rent(ReadSize * 2);
        var length = 0;
        try
        {
            var stream = await opening;

            while (!IsClosed)
            {
                if (pending.Length - length < ReadSize)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(pending.Length * 2);
                    pending.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(pending);
                    pending = larger;
                }

                var read = await stream.ReadAsync(pending.AsMemory(length), _closing.Token);
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
        catch (Exception exception) when (IsConnectionFault(exception))
        {
            // The peer went away, the handshake failed, or we closed: the finally block tidies up.
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
            SipLog.ReceiveHandlerFailed(_logger, _transport.Kind, Remote, exception);
        }
    }

    private async Task WriteLoopAsync(Task<Stream> opening)
    {
        try
        {
            var stream = await opening;
            await foreach (var message in _outbox.Reader.ReadAllAsync(_closing.Token))
            {
                await stream.WriteAsync(message, _closing.Token);
                Interlocked.Exchange(ref _lastActivityTimestamp, _transport.Now);
            }
        }
        catch (Exception exception) when (IsConnectionFault(exception))
        {
            SipLog.ConnectionClosed(_logger, _transport.Kind, Remote, exception.Message);
        }
        finally
        {
            Close();
        }
    }

    /// <summary>What ends one connection without concerning any other: socket and TLS failures, and our own close.</summary>
    private static bool IsConnectionFault(Exception exception) =>
        exception is SocketException or IOException or AuthenticationException or OperationCanceledException or ObjectDisposedException;
}
