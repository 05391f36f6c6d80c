using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Telephony.Calls.MediaPlane.Paced;
using Telephony.Media.Scheduling;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// The UDP side of one call leg: an RTP socket on an even port and an RTCP socket on the next one,
/// bound on the media address and watched by a shared receive thread. Sending goes to the address the
/// SDP gave until the peer's packets arrive; from then on it goes where they come from (symmetric RTP,
/// so callers behind NAT hear us), and a changed source address is followed. Zero allocation per packet.
/// With a <see cref="PacedDatagramSender"/>, the media tick's packets are handed to the kernel ahead of their time; the
/// sockets then stay open after <see cref="Dispose"/> until the last of those is done (cancelled, as the call is over).
/// </summary>
public sealed class RtpEndpoint : IRtpTransport, IPacedDatagramOwner, IDisposable
{
    /// <summary>Set in <see cref="_pacing"/> once disposed: nothing more is scheduled, and the last finished send closes the sockets.</summary>
    private const int Closing = 1 << 30;

    /// <summary><see cref="_pacing"/> once the sockets are closed (Closing with a bit of its own, so they close once).</summary>
    private const int Closed = Closing | (1 << 29);

    private static long s_nextId;

    private readonly RtpPortAllocator _allocator;
    private readonly RtpReceiveLoop _loop;
    private readonly TimeProvider _timeProvider;
    private SocketAddress? _remoteRtp;
    private SocketAddress? _remoteRtcp;
    private bool _rtcpLatched;
    private long _lastReceived;
    private long _rtpReceived;
    private long _sendErrors;
    private int _disposed;
    private IRtpDatagramHandler? _handler;
    private readonly PacedDatagramSender? _paced;

    /// <summary>Scheduled sends not yet finished, plus <see cref="Closing"/> once disposed.</summary>
    private int _pacing;

    internal RtpEndpoint(
        IPAddress localAddress, int port, string sdpAddress, RtpPortAllocator allocator, RtpReceiveLoop loop, TimeProvider timeProvider, PacedDatagramSender? paced = null)
    {
        _paced = paced;
        Id = Interlocked.Increment(ref s_nextId);
        LocalAddress = localAddress;
        LocalPort = port;
        SdpAddress = sdpAddress;
        IsIPv6 = localAddress.AddressFamily == AddressFamily.InterNetworkV6;
        _allocator = allocator;
        _loop = loop;
        _timeProvider = timeProvider;
        RtpSocket = Bind(localAddress, port);
        try
        {
            RtcpSocket = Bind(localAddress, port + 1);
        }
        catch
        {
            RtpSocket.Dispose();
            throw;
        }

        _lastReceived = timeProvider.GetTimestamp();
        loop.Add(this);
    }

    /// <summary>The address the sockets are bound to.</summary>
    public IPAddress LocalAddress { get; }

    /// <summary>Our RTP port (RTCP is <see cref="LocalPort"/> + 1): put it in the m= line.</summary>
    public int LocalPort { get; }

    /// <summary>The address to put in our SDP's c= line.</summary>
    public string SdpAddress { get; }

    /// <summary>True once the peer's RTP arrived and sending follows its source address.</summary>
    public bool IsLatched { get; private set; }

    /// <summary>Where RTP goes now (allocates: for diagnostics and tests), or null while unknown or on hold.</summary>
    public IPEndPoint? RemoteRtpEndPoint => Volatile.Read(ref _remoteRtp) is { } address ? ToEndPoint(address) : null;

    /// <summary>RTP datagrams received.</summary>
    public long RtpPacketsReceived => Interlocked.Read(ref _rtpReceived);

    /// <summary>Sends that failed (network unreachable, buffer full).</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    /// <summary>When the last datagram (RTP or RTCP) arrived, as a <see cref="TimeProvider"/> timestamp.</summary>
    public long LastReceivedTimestamp => Interlocked.Read(ref _lastReceived);

    internal long Id { get; }

    long IPacedDatagramOwner.PacingTag => Id;

    internal bool IsIPv6 { get; }

    internal Socket RtpSocket { get; }

    internal Socket RtcpSocket { get; }

    internal IRtpDatagramHandler? Handler
    {
        get => Volatile.Read(ref _handler);
        set => Volatile.Write(ref _handler, value);
    }

    /// <summary>
    /// Sets where to send, from the peer's SDP. A null, unspecified (0.0.0.0, a legacy hold) or
    /// unparseable address, or port 0, stops sending. Forgets any latched address (a re-INVITE moved the media).
    /// </summary>
    public void SetRemote(string? address, int port)
    {
        IsLatched = false;
        _rtcpLatched = false;
        if (port <= 0 || port > 65534 || address is null || !IPAddress.TryParse(address, out var ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            Volatile.Write(ref _remoteRtp, null);
            Volatile.Write(ref _remoteRtcp, null);
            return;
        }

        if (IsIPv6 && ip.AddressFamily == AddressFamily.InterNetwork)
        {
            ip = ip.MapToIPv6();
        }

        Volatile.Write(ref _remoteRtp, new IPEndPoint(ip, port).Serialize());
        Volatile.Write(ref _remoteRtcp, new IPEndPoint(ip, port + 1).Serialize());
    }

    /// <inheritdoc />
    public void Send(ReadOnlySpan<byte> packet) => SendTo(RtpSocket, Volatile.Read(ref _remoteRtp), packet);

    /// <inheritdoc />
    public void Send(ReadOnlySpan<byte> packet, in MediaTick tick)
    {
        if (_paced is null || tick.Lead <= TimeSpan.Zero)
        {
            Send(packet);
            return;
        }

        // Counted before the check of Closing, in one step, so Dispose cannot close the socket under a send being scheduled.
        var state = Interlocked.Increment(ref _pacing);
        try
        {
            if ((state & Closing) == 0 && Volatile.Read(ref _remoteRtp) is { } remote
                && _paced.TrySchedule((int)RtpSocket.SafeHandle.DangerousGetHandle(), remote, packet, tick.DueTimestamp, this))
            {
                return;
            }

            if ((state & Closing) == 0)
            {
                Send(packet);
            }
        }
        catch
        {
            SendFinished();
            throw;
        }

        SendFinished();
    }

    void IPacedDatagramOwner.OnPacedSendFinished(int result)
    {
        if (result < 0 && result != PacedDatagramSender.CancelledResult)
        {
            Interlocked.Increment(ref _sendErrors);
        }

        SendFinished();
    }

    /// <inheritdoc />
    public void SendRtcp(ReadOnlySpan<byte> packet) => SendTo(RtcpSocket, Volatile.Read(ref _remoteRtcp), packet);

    /// <summary>Stops receiving, closes both sockets and returns the ports (after their cool-down).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _loop.Remove(this);
        if (Interlocked.Or(ref _pacing, Closing) != 0)
        {
            // Packets wait in the kernel: the last one's report closes the sockets.
            _paced?.Cancel(this);
            return;
        }

        CloseOnce();
    }

    private void SendFinished()
    {
        if (Interlocked.Decrement(ref _pacing) == Closing)
        {
            CloseOnce();
        }
    }

    private void CloseOnce()
    {
        if (Interlocked.CompareExchange(ref _pacing, Closed, Closing) != Closing)
        {
            return;
        }

        RtpSocket.Dispose();
        RtcpSocket.Dispose();
        _allocator.Release(LocalPort);
    }

    internal void OnDatagram(bool isRtcp, ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        var now = _timeProvider.GetTimestamp();
        Interlocked.Exchange(ref _lastReceived, now);

        // Only version-2 packets may move where we send: stray junk must not hijack the leg.
        if (datagram.Length < 8 || (datagram[0] & 0xC0) != 0x80)
        {
            return;
        }

        if (isRtcp)
        {
            if (!_rtcpLatched || !from.Equals(Volatile.Read(ref _remoteRtcp)))
            {
                Volatile.Write(ref _remoteRtcp, Copy(from, 0));
                _rtcpLatched = true;
            }

            Handler?.OnRtcp(datagram, now);
            return;
        }

        Interlocked.Increment(ref _rtpReceived);
        if (!IsLatched || !from.Equals(Volatile.Read(ref _remoteRtp)))
        {
            Volatile.Write(ref _remoteRtp, Copy(from, 0));
            if (!_rtcpLatched)
            {
                Volatile.Write(ref _remoteRtcp, Copy(from, 1));
            }

            IsLatched = true;
        }

        Handler?.OnRtp(datagram, now);
    }

    private static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static SocketAddress Copy(SocketAddress source, int portOffset)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        if (portOffset != 0)
        {
            var port = BinaryPrimitives.ReadUInt16BigEndian(copy.Buffer.Span[2..]);
            BinaryPrimitives.WriteUInt16BigEndian(copy.Buffer.Span[2..], (ushort)(port + portOffset));
        }

        return copy;
    }

    private static IPEndPoint ToEndPoint(SocketAddress address) =>
        (IPEndPoint)new IPEndPoint(address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(address);

    private void SendTo(Socket socket, SocketAddress? remote, ReadOnlySpan<byte> packet)
    {
        if (remote is null || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            socket.SendTo(packet, SocketFlags.None, remote);
        }
        catch (SocketException)
        {
            Interlocked.Increment(ref _sendErrors);
        }
        catch (ObjectDisposedException)
        {
            // Closed by teardown while the media thread was sending its last tick.
        }
    }
}
