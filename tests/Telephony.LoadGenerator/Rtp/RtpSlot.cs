using System.Net;
using System.Net.Sockets;

namespace Telephony.LoadGenerator.Rtp;

/// <summary>
/// One pooled RTP/RTCP socket pair. It stays bound and watched by the receive loop for the whole run; a call borrows it,
/// and what arrives is counted into the borrowing call's <see cref="Stats"/> (nothing is counted between calls).
/// </summary>
internal sealed class RtpSlot : IDisposable
{
    private RtpStreamStats? _stats;

    public RtpSlot(int index, IPAddress address, int port)
    {
        Index = index;
        Port = port;
        RtpSocket = Bind(address, port);
        try
        {
            RtcpSocket = Bind(address, port + 1);
        }
        catch
        {
            RtpSocket.Dispose();
            throw;
        }
    }

    public int Index { get; }

    public int Port { get; }

    public Socket RtpSocket { get; }

    public Socket RtcpSocket { get; }

    /// <summary>When the last call gave the slot back (Stopwatch ticks).</summary>
    public long ReleasedAt { get; set; }

    /// <summary>The counters of the call that holds the slot; null while it rests in the pool.</summary>
    public RtpStreamStats? Stats
    {
        get => Volatile.Read(ref _stats);
        set => Volatile.Write(ref _stats, value);
    }

    public void Dispose()
    {
        RtpSocket.Dispose();
        RtcpSocket.Dispose();
    }

    /// <summary>
    /// Arrival times from the kernel, as tshark sees them, rather than when our receive thread got round to reading: the
    /// first SIOCGSTAMP on a socket (it answers ENOENT, nothing received yet) turns stamping on for it. Not SO_TIMESTAMP:
    /// with that option on, the stamp goes only to recvmsg's control data and SIOCGSTAMP keeps answering ENOENT.
    /// </summary>
    private static unsafe void EnableKernelStamps(Socket socket)
    {
        var timeval = stackalloc long[2];
        _ = KernelTimestamps.Ioctl((int)socket.SafeHandle.DangerousGetHandle(), KernelTimestamps.GetTimestamp, timeval);
    }

    private static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            EnableKernelStamps(socket);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
