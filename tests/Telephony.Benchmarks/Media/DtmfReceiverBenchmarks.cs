using BenchmarkDotNet.Attributes;
using Telephony.Media.Dtmf;
using Telephony.Media.Rtp;

namespace Telephony.Benchmarks.Media;

/// <summary>Per-packet cost of the RFC 4733 receiver over a realistic event (start, 3 updates, 3 ends), and of the in-band detector per 20 ms frame.</summary>
[MemoryDiagnoser]
public class DtmfReceiverBenchmarks
{
    private const int PacketsPerEvent = 7;

    private readonly byte[][] _payloads = new byte[PacketsPerEvent][];
    private readonly short[] _frame = new short[160];
    private readonly char[] _digits = new char[2];
    private DtmfEventReceiver _receiver = null!;
    private DtmfToneDetector _detector = null!;
    private uint _timestamp;

    [GlobalSetup]
    public void Setup()
    {
        _receiver = new DtmfEventReceiver(101);
        _detector = new DtmfToneDetector();
        ushort[] durations = [160, 320, 480, 640, 800, 800, 800];
        for (var i = 0; i < PacketsPerEvent; i++)
        {
            _payloads[i] = new byte[4];
            new TelephoneEventPayload(5, i >= 4, 10, durations[i]).Write(_payloads[i]);
        }

        for (var i = 0; i < _frame.Length; i++)
        {
            _frame[i] = (short)((7000 * Math.Sin(2 * Math.PI * 770 * i / 8000)) + (7000 * Math.Sin(2 * Math.PI * 1336 * i / 8000)));
        }
    }

    /// <summary>One whole event: divide by 7 for the per-packet figure.</summary>
    [Benchmark(OperationsPerInvoke = PacketsPerEvent)]
    public int ReceiverPerPacket()
    {
        _timestamp += 2000;
        var digits = 0;
        for (var i = 0; i < PacketsPerEvent; i++)
        {
            var header = new RtpHeader(101, (ushort)i, _timestamp, 1);
            if (_receiver.Receive(header, _payloads[i]).DigitStarted)
            {
                digits++;
            }
        }

        return digits;
    }

    [Benchmark]
    public int InBandDetectorPerFrame() => _detector.Process(_frame, _digits);
}
