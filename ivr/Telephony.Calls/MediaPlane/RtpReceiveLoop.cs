using System.Buffers.Binary;
using System.Net;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// One receive thread for many call legs: it waits on an epoll set holding the RTP and RTCP sockets of
/// its endpoints (level-triggered), and for each ready socket reads one datagram with the synchronous
/// <c>ReceiveFrom(Span, SocketFlags, SocketAddress)</c> overload into a buffer it reuses, then hands it
/// to the endpoint. A socket with more queued datagrams stays ready and is read again on the next
/// wait. Sockets are non-blocking, so a stale readiness never stalls the loop. Nothing allocates per datagram.
/// </summary>
internal sealed class RtpReceiveLoop : IDisposable
{
    private const int MaxEvents = 128;
    private const int WaitMilliseconds = 100;

    private readonly ConcurrentDictionary<long, RtpEndpoint> _endpoints = new();
    private readonly byte[] _events;
    private readonly byte[] _buffer = new byte[2048];
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly int _epollFd;
    private volatile bool _stopping;

    public RtpReceiveLoop(int index, ILogger logger)
    {
        _logger = logger;
        _epollFd = NativeMethods.EpollCreate(NativeMethods.EpollCloseOnExec);
        if (_epollFd < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        _events = GC.AllocateArray<byte>(MaxEvents * NativeMethods.EpollEventSize, pinned: true);
        _thread = new Thread(Run) { IsBackground = true, Name = $"rtp-receive-{index}", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Endpoints currently watched.</summary>
    public int Count => _endpoints.Count;

    /// <summary>Adds both sockets of an endpoint to the epoll set.</summary>
    public void Add(RtpEndpoint endpoint)
    {
        _endpoints[endpoint.Id] = endpoint;
        Control(NativeMethods.EpollCtlAdd, endpoint.RtpSocket, endpoint.Id << 1);
        Control(NativeMethods.EpollCtlAdd, endpoint.RtcpSocket, (endpoint.Id << 1) | 1);
    }

    /// <summary>Removes an endpoint's sockets (before they are closed).</summary>
    public void Remove(RtpEndpoint endpoint)
    {
        Control(NativeMethods.EpollCtlDelete, endpoint.RtpSocket, 0);
        Control(NativeMethods.EpollCtlDelete, endpoint.RtcpSocket, 0);
        _endpoints.TryRemove(endpoint.Id, out _);
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _thread.Join();
        _ = NativeMethods.Close(_epollFd);
    }

    private unsafe void Control(int operation, Socket socket, long data)
    {
        var fd = (int)socket.SafeHandle.DangerousGetHandle();
        var epollEvent = stackalloc byte[16];
        new Span<byte>(epollEvent, 16).Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(new Span<byte>(epollEvent, 4), NativeMethods.EpollIn);
        BinaryPrimitives.WriteInt64LittleEndian(new Span<byte>(epollEvent + NativeMethods.EpollDataOffset, 8), data);
        if (NativeMethods.EpollControl(_epollFd, operation, fd, epollEvent) != 0 && operation == NativeMethods.EpollCtlAdd)
        {
            throw new InvalidOperationException($"epoll_ctl(ADD) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    private unsafe void Run()
    {
        var from = new SocketAddress(AddressFamily.InterNetworkV6);
        var fromV4 = new SocketAddress(AddressFamily.InterNetwork);
        fixed (byte* events = _events)
        {
            while (!_stopping)
            {
                var ready = NativeMethods.EpollWait(_epollFd, events, MaxEvents, WaitMilliseconds);
                if (ready < 0)
                {
                    if (Marshal.GetLastPInvokeError() != NativeMethods.Interrupted)
                    {
                        CallMediaLog.ReceiveWaitFailed(_logger, Marshal.GetLastPInvokeError());
                        Thread.Sleep(WaitMilliseconds);
                    }

                    continue;
                }

                for (var i = 0; i < ready; i++)
                {
                    var data = BinaryPrimitives.ReadInt64LittleEndian(_events.AsSpan((i * NativeMethods.EpollEventSize) + NativeMethods.EpollDataOffset, 8));
                    if (_endpoints.TryGetValue(data >> 1, out var endpoint))
                    {
                        ReceiveOne(endpoint, (data & 1) == 1, endpoint.IsIPv6 ? from : fromV4);
                    }
                }
            }
        }
    }

    private void ReceiveOne(RtpEndpoint endpoint, bool isRtcp, SocketAddress from)
    {
        try
        {
            var socket = isRtcp ? endpoint.RtcpSocket : endpoint.RtpSocket;
            var length = socket.ReceiveFrom(_buffer, SocketFlags.None, from);
            endpoint.OnDatagram(isRtcp, _buffer.AsSpan(0, length), from);
        }
        catch (SocketException)
        {
            // Would-block after a stale readiness, or an ICMP error surfaced on the socket: nothing to read.
        }
        catch (ObjectDisposedException)
        {
            // The leg closed between the wait and the read.
        }
#pragma warning disable CA1031 // A fault in one leg's handler must not stop the receive thread of every other call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallMediaLog.ReceiveHandlerFailed(_logger, endpoint.LocalPort, exception);
        }
    }
}
