using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Telephony.Calls.MediaPlane;

namespace Telephony.LoadGenerator.Rtp;

/// <summary>
/// One thread receives the RTP of every call: the sockets of all pooled pairs sit in one epoll set (level-triggered,
/// non-blocking), each ready socket is read once per wait into a reused buffer with the allocation-free
/// <c>ReceiveFrom(Span, SocketFlags, SocketAddress)</c>, and the datagram is counted with the kernel's arrival time
/// (SIOCGSTAMP, turned on for each socket when it was bound), so that the gaps measured are the server's pacing, as a capture shows
/// it, and not this thread's scheduling on a busy machine. Where the kernel has no stamp, the wake-up time is used.
/// </summary>
internal sealed class RtpReceiveLoop : IDisposable
{
    private const int MaxEvents = 256;
    private const int WaitMilliseconds = 50;

    private readonly ConcurrentDictionary<int, RtpSlot> _slots = new();
    private readonly byte[] _events;
    private readonly byte[] _buffer = new byte[2048];
    private readonly Thread _thread;
    private readonly int _epollFd;
    private volatile bool _stopping;
    private long _stray;
    private long _unstamped;

    public RtpReceiveLoop()
    {
        _epollFd = NativeMethods.EpollCreate(NativeMethods.EpollCloseOnExec);
        if (_epollFd < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        _events = GC.AllocateArray<byte>(MaxEvents * NativeMethods.EpollEventSize, pinned: true);
        _thread = new Thread(Run) { IsBackground = true, Name = "load-rtp-receive", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Datagrams that reached a pair no call held (late packets of an ended call).</summary>
    public long StrayPackets => Interlocked.Read(ref _stray);

    /// <summary>RTP datagrams the kernel gave no arrival stamp for (their gaps fall back to read times).</summary>
    public long UnstampedPackets => Interlocked.Read(ref _unstamped);

    public void Add(RtpSlot slot)
    {
        _slots[slot.Index] = slot;
        Watch(slot.RtpSocket, (long)slot.Index << 1);
        Watch(slot.RtcpSocket, ((long)slot.Index << 1) | 1);
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

    private unsafe void Watch(Socket socket, long data)
    {
        var epollEvent = stackalloc byte[16];
        var span = new Span<byte>(epollEvent, 16);
        span.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(span, NativeMethods.EpollIn);
        BinaryPrimitives.WriteInt64LittleEndian(span[NativeMethods.EpollDataOffset..], data);
        if (NativeMethods.EpollControl(_epollFd, NativeMethods.EpollCtlAdd, (int)socket.SafeHandle.DangerousGetHandle(), epollEvent) != 0)
        {
            throw new InvalidOperationException($"epoll_ctl(ADD) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    private unsafe void Run()
    {
        var from = new SocketAddress(AddressFamily.InterNetwork);
        fixed (byte* events = _events)
        {
            while (!_stopping)
            {
                var ready = NativeMethods.EpollWait(_epollFd, events, MaxEvents, WaitMilliseconds);
                if (ready < 0)
                {
                    if (Marshal.GetLastPInvokeError() != NativeMethods.Interrupted)
                    {
                        throw new InvalidOperationException($"epoll_wait failed with errno {Marshal.GetLastPInvokeError()}.");
                    }

                    continue;
                }

                var arrival = Stopwatch.GetTimestamp();
                for (var i = 0; i < ready; i++)
                {
                    var data = BinaryPrimitives.ReadInt64LittleEndian(_events.AsSpan((i * NativeMethods.EpollEventSize) + NativeMethods.EpollDataOffset, 8));
                    if (_slots.TryGetValue((int)(data >> 1), out var slot))
                    {
                        ReceiveOne(slot, (data & 1) == 1, from, arrival);
                    }
                }
            }
        }
    }

    private static unsafe long KernelArrivalTicks(Socket socket)
    {
        var timeval = stackalloc long[2];
        if (KernelTimestamps.Ioctl((int)socket.SafeHandle.DangerousGetHandle(), KernelTimestamps.GetTimestamp, timeval) != 0)
        {
            return 0;
        }

        return (timeval[0] * Stopwatch.Frequency) + (timeval[1] * Stopwatch.Frequency / 1_000_000);
    }

    private void ReceiveOne(RtpSlot slot, bool isRtcp, SocketAddress from, long arrival)
    {
        int length;
        long kernelArrival;
        try
        {
            var socket = isRtcp ? slot.RtcpSocket : slot.RtpSocket;
            length = socket.ReceiveFrom(_buffer, SocketFlags.None, from);
            kernelArrival = isRtcp ? 0 : KernelArrivalTicks(socket);
            if (!isRtcp && kernelArrival == 0)
            {
                Interlocked.Increment(ref _unstamped);
            }
        }
        catch (SocketException)
        {
            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        if (slot.Stats is not { } stats)
        {
            Interlocked.Increment(ref _stray);
        }
        else if (isRtcp)
        {
            stats.OnRtcp();
        }
        else
        {
            stats.OnRtp(_buffer.AsSpan(0, length), arrival, kernelArrival);
        }
    }
}
