using System.Diagnostics;
using System.Globalization;

namespace Telephony.Benchmarks.Acd;

/// <summary>
/// Per-operation latencies kept in a preallocated buffer; BenchmarkDotNet reports means of whole iterations,
/// so the p99 of single routing decisions is computed here and printed at cleanup.
/// </summary>
public sealed class LatencyRecorder(string name, int capacity = 1 << 21)
{
    private readonly long[] _ticks = new long[capacity];
    private int _count;

    public static long Start() => Stopwatch.GetTimestamp();

    public void Stop(long startedAt)
    {
        var elapsed = Stopwatch.GetTimestamp() - startedAt;
        _ticks[_count++ % _ticks.Length] = elapsed;
    }

    public void Report()
    {
        var count = Math.Min(_count, _ticks.Length);
        if (count == 0)
        {
            return;
        }

        var sorted = _ticks[..count];
        Array.Sort(sorted);
        double Micros(double quantile) => sorted[Math.Min(count - 1, (int)(quantile * count))] * 1_000_000.0 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// ACD latency {name}: n={count} mean={sorted.Average() * 1_000_000.0 / Stopwatch.Frequency:F2}us p50={Micros(0.50):F2}us p99={Micros(0.99):F2}us p99.9={Micros(0.999):F2}us max={Micros(1.0):F2}us"));
    }
}
