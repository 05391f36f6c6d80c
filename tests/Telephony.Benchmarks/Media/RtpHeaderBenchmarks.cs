using BenchmarkDotNet.Attributes;
using Telephony.Media.Rtp;

namespace Telephony.Benchmarks.Media;

/// <summary>RTP header parse and write of a 172-byte PCMU packet: the per-packet path, expected to allocate nothing.</summary>
[MemoryDiagnoser]
public class RtpHeaderBenchmarks
{
    private readonly byte[] _packet = new byte[172];
    private readonly byte[] _output = new byte[172];
    private readonly byte[] _payload = new byte[160];
    private RtpSender _sender = null!;

    [GlobalSetup]
    public void Setup()
    {
        new RtpHeader(0, 4711, 160_000, 0xDEADBEEF, marker: true).Write(_packet);
        _sender = new RtpSender(0xDEADBEEF, 0, 1, 0);
    }

    [Benchmark]
    public int Parse() => RtpHeader.TryParse(_packet, out var header) == RtpParseError.None ? header.PayloadLength : -1;

    [Benchmark]
    public int ParseAndWrite()
    {
        RtpHeader.TryParse(_packet, out var header);
        var reply = header with { SequenceNumber = (ushort)(header.SequenceNumber + 1), Timestamp = header.Timestamp + 160, Marker = false };
        return reply.Write(_output);
    }

    [Benchmark]
    public int SenderWriteAudioPacket() => _sender.WriteAudioPacket(_output, _payload, 160);
}
