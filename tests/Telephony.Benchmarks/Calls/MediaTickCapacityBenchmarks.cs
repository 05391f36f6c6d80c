using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Calls.Media;
using Telephony.Calls.MediaPlane;
using Telephony.Media;
using Telephony.Media.Codecs;
using Telephony.Media.Scheduling;
using Telephony.Media.Sdp;

namespace Telephony.Benchmarks.Calls;

/// <summary>
/// How many concurrent 20 ms calls one media thread paces: N legs, each playing a looping tone as PCMU to a
/// loopback sink socket through its own RTP endpoint (the production path: tick, G.711, RTP, sendto), for a
/// bounded 4 s. A 10 ms probe stream registered last runs at the end of every grid tick, so its lateness is the
/// worst packet's lateness in that tick; the report gives the share of grid ticks whose last packet went out more
/// than 5 ms after its deadline (skipped ticks count as late). The bar is under 1 %. Zero streams is the baseline:
/// the lateness the machine itself imposes on the media thread (on a shared, loaded machine it is not small).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class MediaTickCapacityBenchmarks
{
    private static readonly TimeSpan RunLength = TimeSpan.FromSeconds(4);
    private readonly List<CallMedia> _legs = [];
    private MediaMetrics _metrics = null!;
    private MediaTickScheduler _scheduler = null!;
    private CallMediaEngine _engine = null!;
    private Socket _sink = null!;
    private LatenessProbe _probe = null!;

    [Params(0, 250, 1000, 2000)]
    public int Streams { get; set; }

    /// <summary>The grid period in ms: 10 sends a 20 ms stream's packets in two bursts per ptime, 2 in ten smaller ones.</summary>
    [Params(10, 2)]
    public int PeriodMs { get; set; }

    [IterationSetup]
    public void Setup()
    {
        _sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sinkPort = ((IPEndPoint)_sink.LocalEndPoint!).Port;
        _metrics = new MediaMetrics();
        var origin = Stopwatch.GetTimestamp();
        _scheduler = new MediaTickScheduler(new MediaTickOptions { Period = TimeSpan.FromMilliseconds(PeriodMs) }, TimeProvider.System, _metrics, NullLogger<MediaTickScheduler>.Instance);
        _engine = new CallMediaEngine(new CallMediaOptions { PortMin = 44000, PortMax = 59999 }, _scheduler, TimeProvider.System, NullLoggerFactory.Instance);
        for (var i = 0; i < Streams; i++)
        {
            var leg = _engine.Start(_engine.OpenEndpoint(), new NegotiatedAudio(0, "127.0.0.1", sinkPort, G711Law.MuLaw, 0, 101, 20, SdpDirection.SendRecv));
            leg.StartMusicOnHold(AudioSource.Tone(ToneKind.Ringback, TimeSpan.FromHours(1)));
            _legs.Add(leg);
        }

        _probe = new LatenessProbe(origin);
        _scheduler.Add(_probe, TimeSpan.FromMilliseconds(10));
    }

    [Benchmark]
    public void Pace_streams_for_four_seconds()
    {
        _scheduler.Start();
        Thread.Sleep(RunLength);
        _scheduler.Dispose();
    }

    [IterationCleanup]
    public void Cleanup()
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// tick capacity: {Streams} streams, {PeriodMs} ms grid, {_probe.Ticks} grid ticks, {_probe.LateOver5Ms} last packets >5 ms late, {_probe.Skipped} skipped = {_probe.LateShare:P2} late; p99 {_probe.Percentile(0.99):F2} ms, max {_probe.MaxMs:F2} ms; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        foreach (var leg in _legs)
        {
            leg.Dispose();
        }

        _legs.Clear();
        _engine.Dispose();
        _sink.Dispose();
        _metrics.Dispose();
    }

    private sealed class LatenessProbe(long origin) : IMediaTickStream
    {
        private readonly List<double> _latenessMs = new(1000);

        public long Ticks => _latenessMs.Count;

        public long LateOver5Ms { get; private set; }

        public long Skipped { get; private set; }

        public double MaxMs { get; private set; }

        public double LateShare => (double)(LateOver5Ms + Skipped) / Math.Max(1, Ticks + Skipped);

        public double Percentile(double p)
        {
            if (_latenessMs.Count == 0)
            {
                return 0;
            }

            var sorted = _latenessMs.Order().ToArray();
            return sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];
        }

        public void OnTick(in MediaTick tick)
        {
            var lateness = (Stopwatch.GetElapsedTime(origin) - tick.Deadline).TotalMilliseconds;
            _latenessMs.Add(lateness);
            MaxMs = Math.Max(MaxMs, lateness);
            Skipped += tick.SkippedTicks;
            if (lateness > 5)
            {
                LateOver5Ms++;
            }
        }
    }
}
