using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Calls.Media;
using Telephony.Calls.MediaPlane;
using Telephony.Media;
using Telephony.Media.Codecs;
using Telephony.Media.Scheduling;
using Telephony.Media.Sdp;

namespace Telephony.Benchmarks.Calls;

/// <summary>
/// The media thread's work per call leg per 20 ms, measured by stepping the clock instead of pacing in real time
/// (so preemption on a loaded machine inflates it less than the capacity run): 1,000 legs each playing a tone to a
/// loopback sink through its real socket; two 10 ms grid ticks run every leg's outbound tick (tone, G.711, RTP,
/// sendto) and inbound tick (jitter buffer read, silence) once. One core paces about 20 ms ÷ this figure legs.
/// </summary>
[MemoryDiagnoser]
public class MediaTickCostBenchmarks
{
    private const int Legs = 1000;
    private readonly SteppedTimeProvider _time = new();
    private MediaMetrics _metrics = null!;
    private MediaTickScheduler _scheduler = null!;
    private CallMediaEngine _engine = null!;
    private Socket _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sinkPort = ((IPEndPoint)_sink.LocalEndPoint!).Port;
        _metrics = new MediaMetrics();
        _scheduler = new MediaTickScheduler(new MediaTickOptions(), _time, _metrics, NullLogger<MediaTickScheduler>.Instance);
        var options = new CallMediaOptions { PortMin = 44000, PortMax = 59999, HousekeepingPeriod = TimeSpan.FromDays(1) };
        _engine = new CallMediaEngine(options, _scheduler, _time, NullLoggerFactory.Instance);
        for (var i = 0; i < Legs; i++)
        {
            var leg = _engine.Start(_engine.OpenEndpoint(), new NegotiatedAudio(0, "127.0.0.1", sinkPort, G711Law.MuLaw, 0, 101, 20, SdpDirection.SendRecv));
            leg.StartMusicOnHold(AudioSource.Tone(ToneKind.Ringback, TimeSpan.FromDays(1)));
        }

        _scheduler.RunDueTicks();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// tick cost: {_scheduler.TicksRun} grid ticks for {Legs} legs; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        _engine.Dispose();
        _scheduler.Dispose();
        _metrics.Dispose();
        _sink.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Legs)]
    public void One_leg_for_20_ms()
    {
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _scheduler.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _scheduler.RunDueTicks();
    }
}
