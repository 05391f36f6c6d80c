using BenchmarkDotNet.Attributes;
using Telephony.Media.Codecs;
using Telephony.Media.Jitter;
using Telephony.Media.Rtp;
using Telephony.Media.Scheduling;
using Telephony.Media.Streams;
using Telephony.Media.Tones;

namespace Telephony.Benchmarks.Media;

/// <summary>
/// Per-call cost of one 20 ms tick: the outbound stream (tone source, G.711 encode, RTP header) and
/// the inbound path (receive a datagram into the jitter buffer, then decode it on the tick).
/// </summary>
[MemoryDiagnoser]
public class MediaStreamBenchmarks
{
    private sealed class DiscardingSink : IRtpPacketSink
    {
        public int Bytes { get; private set; }

        public void Send(ReadOnlySpan<byte> packet) => Bytes += packet.Length;
    }

    private readonly byte[] _packet = new byte[172];
    private RtpOutboundStream _outbound = null!;
    private RtpInboundStream _inbound = null!;
    private RtpSender _peer = null!;
    private long _tick;

    [GlobalSetup]
    public void Setup()
    {
        _outbound = new RtpOutboundStream(new RtpSender(1, 0, 0, 0), G711Law.MuLaw, new DiscardingSink())
        {
            Source = new TonePlayer(new ToneCadence([ToneStep.Tone(425, 1000)], repeats: true)),
        };
        _inbound = new RtpInboundStream(G711Law.MuLaw, 0, 101, JitterBufferOptions.Fixed(1));
        _peer = new RtpSender(2, 0, 0, 0);
    }

    [Benchmark]
    public void OutboundTick() => _outbound.OnTick(new MediaTick(_tick++, TimeSpan.Zero, TimeSpan.Zero, 160, 0));

    [Benchmark]
    public void InboundReceiveAndTick()
    {
        var length = _peer.WriteAudioPacket(_packet, _packet.AsSpan(12, 160), 160);
        _inbound.Receive(_packet.AsSpan(0, length), TimeSpan.FromMilliseconds(20 * _tick));
        _inbound.OnTick(new MediaTick(_tick++, TimeSpan.Zero, TimeSpan.Zero, 160, 0));
    }
}
