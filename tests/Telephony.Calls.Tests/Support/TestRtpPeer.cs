using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Telephony.Media.Codecs;
using Telephony.Media.Rtp;

namespace Telephony.Calls.Tests.Support;

/// <summary>
/// A phone's media on a loopback UDP socket: sends a tone or RFC 4733 digits at 20 ms pacing and keeps
/// every datagram it receives, to check what our media plane sent.
/// </summary>
internal sealed class TestRtpPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly List<byte[]> _received = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveTask;
    private readonly uint _ssrc = (uint)Random.Shared.Next();
    private ushort _sequence = (ushort)Random.Shared.Next(60_000);
    private uint _timestamp = (uint)Random.Shared.Next();

    public TestRtpPeer()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _receiveTask = Task.Run(ReceiveLoopAsync);
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public IReadOnlyList<byte[]> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Sends a tone as G.711 packets of 20 ms, paced in real time.</summary>
    /// <remarks>
    /// Paced like a phone's sample clock: every packet that is due by the wall clock goes out, so a stalled test
    /// thread on a loaded machine sends a short burst afterwards instead of falling behind for good.
    /// </remarks>
    public async Task SendToneAsync(IPEndPoint to, double frequency, G711Law law, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var packets = (int)(duration.TotalMilliseconds / 20);
        var sent = 0;
        while (sent < packets)
        {
            var due = Math.Min(packets, 1 + (int)(Stopwatch.GetElapsedTime(started).TotalMilliseconds / 20));
            for (; sent < due; sent++)
            {
                var payload = RtpPackets.Tone(frequency, sent * 160, 160, law);
                Send(RtpPackets.Audio(_ssrc, _sequence++, _timestamp, (byte)law, payload, marker: sent == 0), to);
                _timestamp += 160;
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>Sends each digit as an RFC 4733 event (start, update, three ends) at 20 ms pacing, then a gap.</summary>
    public async Task SendDigitsAsync(IPEndPoint to, string digits, byte payloadType = 101)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        foreach (var digit in digits)
        {
            var packets = RtpPackets.Digit(_ssrc, _sequence, _timestamp, digit, payloadType);
            foreach (var packet in packets)
            {
                Send(packet, to);
                await timer.WaitForNextTickAsync();
            }

            _sequence += (ushort)packets.Count;
            _timestamp += 800;
            for (var gap = 0; gap < 3; gap++)
            {
                Send(RtpPackets.Silence(_ssrc, _sequence++, _timestamp), to);
                _timestamp += 160;
                await timer.WaitForNextTickAsync();
            }
        }
    }

    public void Send(byte[] packet, IPEndPoint to) => _socket.SendTo(packet, to);

    /// <summary>The audio received with <paramref name="payloadType"/>, decoded, in sequence order (one SSRC assumed).</summary>
    public short[] ReceivedAudio(G711Law law)
    {
        var codes = AudioPayloads((byte)law).SelectMany(p => p).ToArray();
        var pcm = new short[codes.Length];
        G711.Decode(law, codes, pcm);
        return pcm;
    }

    /// <summary>Payloads of the received audio packets of a payload type, in sequence order.</summary>
    public IReadOnlyList<byte[]> AudioPayloads(byte payloadType)
    {
        var packets = Received
            .Where(p => p.Length > 12 && RtpHeader.TryParse(p, out var h) == RtpParseError.None && h.PayloadType == payloadType)
            .Select(p => (Header: FakeTransport.Header(p), Packet: p))
            .ToList();
        if (packets.Count == 0)
        {
            return [];
        }

        // Unwrap sequence numbers relative to the first packet so a wrap does not reorder the stream.
        var first = packets[0].Header.SequenceNumber;
        return [.. packets.OrderBy(p => (short)(p.Header.SequenceNumber - first)).Select(p => p.Header.PayloadOf(p.Packet).ToArray())];
    }

    public async Task WaitForPacketsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _receiveTask.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The socket closed under the receive.
        }

        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var result = await _socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
                lock (_lock)
                {
                    _received.Add(buffer.AsSpan(0, result.ReceivedBytes).ToArray());
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }
}
