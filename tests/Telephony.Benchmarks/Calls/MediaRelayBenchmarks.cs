using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Calls.MediaPlane;
using Telephony.Media;
using Telephony.Media.Codecs;
using Telephony.Media.Rtp;
using Telephony.Media.Scheduling;
using Telephony.Media.Sdp;

namespace Telephony.Benchmarks.Calls;

/// <summary>
/// The bridged call's per-packet path. <c>Relay_*</c>: one received RTP packet handed to the caller leg (header
/// parse, receive statistics, jitter buffer, relay rewrite, optional mu→A transcoding, sendto on the agent leg's real
/// socket to a loopback sink). <c>Relay_through_sockets</c>: 64 packets sent by a peer socket to the caller leg's
/// port, read by the epoll receive thread and relayed, timed until the relay counted them all (per packet).
/// </summary>
[MemoryDiagnoser]
public class MediaRelayBenchmarks
{
    private const int Batch = 64;
    private readonly byte[] _packet = new byte[RtpHeader.FixedSize + 160];
    private MediaMetrics _metrics = null!;
    private MediaTickScheduler _scheduler = null!;
    private CallMediaEngine _engine = null!;
    private Socket _sink = null!;
    private Socket _peer = null!;
    private CallMedia _caller = null!;
    private CallMedia _agent = null!;
    private MediaRelay _relay = null!;
    private SocketAddress _callerAddress = null!;
    private ushort _sequence;
    private uint _timestamp;

    [Params(G711Law.MuLaw, G711Law.ALaw)]
    public G711Law AgentLaw { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sinkPort = ((IPEndPoint)_sink.LocalEndPoint!).Port;
        _metrics = new MediaMetrics();
        _scheduler = new MediaTickScheduler(new MediaTickOptions(), TimeProvider.System, _metrics, NullLogger<MediaTickScheduler>.Instance);
        _engine = new CallMediaEngine(new CallMediaOptions { PortMin = 40000, PortMax = 40999 }, _scheduler, TimeProvider.System, NullLoggerFactory.Instance);
        _caller = _engine.Start(_engine.OpenEndpoint(), new NegotiatedAudio(0, "127.0.0.1", ((IPEndPoint)_peer.LocalEndPoint!).Port, G711Law.MuLaw, 0, 101, 20, SdpDirection.SendRecv));
        _agent = _engine.Start(_engine.OpenEndpoint(), new NegotiatedAudio(0, "127.0.0.1", sinkPort, AgentLaw, (byte)AgentLaw, 101, 20, SdpDirection.SendRecv));
        _relay = _caller.Bridge(_agent, tap: null);
        _callerAddress = new IPEndPoint(IPAddress.Loopback, _caller.Endpoint!.LocalPort).Serialize();
        new RtpHeader(0, 0, 0, 0x1234).Write(_packet);
        G711.FillSilence(G711Law.MuLaw, _packet.AsSpan(RtpHeader.FixedSize));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// relay: {_relay.CallerToAgentPackets} packets relayed caller->agent; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        _relay.Dispose();
        _engine.Dispose();
        _scheduler.Dispose();
        _metrics.Dispose();
        _sink.Dispose();
        _peer.Dispose();
    }

    [Benchmark]
    public void Relay_one_received_packet()
    {
        NextPacket();
        _caller.OnRtp(_packet, TimeProvider.System.GetTimestamp());
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void Relay_through_sockets()
    {
        var target = _relay.CallerToAgentPackets + Batch;
        for (var i = 0; i < Batch; i++)
        {
            NextPacket();
            _peer.SendTo(_packet, SocketFlags.None, _callerAddress);
        }

        // Bounded wait: a packet dropped by a full socket buffer must not hang the run.
        var deadline = Environment.TickCount64 + 200;
        var spinner = default(SpinWait);
        while (_relay.CallerToAgentPackets < target && Environment.TickCount64 < deadline)
        {
            spinner.SpinOnce();
        }
    }

    private void NextPacket()
    {
        BinaryPrimitives.WriteUInt16BigEndian(_packet.AsSpan(2), ++_sequence);
        _timestamp += 160;
        BinaryPrimitives.WriteUInt32BigEndian(_packet.AsSpan(4), _timestamp);
    }
}
