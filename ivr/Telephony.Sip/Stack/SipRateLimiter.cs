using System.Collections.Concurrent;
using System.Net;

namespace Telephony.Sip.Stack;

/// <summary>
/// A token bucket per source transport address (IP and port), so one flooding peer is dropped while others are
/// served. Buckets idle for a while are swept when the table grows.
/// </summary>
internal sealed class SipRateLimiter
{
    private const int SweepThreshold = 10_000;
    private const long IdleMs = 10_000;

    private readonly ConcurrentDictionary<IPEndPoint, Bucket> _buckets = new();
    private readonly double _ratePerMs;
    private readonly double _burst;

    public SipRateLimiter(int requestsPerSecond)
    {
        _ratePerMs = requestsPerSecond / 1000.0;
        _burst = Math.Max(1, requestsPerSecond);
    }

    public bool IsEnabled => _ratePerMs > 0;

    public bool TryAcquire(IPEndPoint source, long nowMs)
    {
        if (!IsEnabled)
        {
            return true;
        }

        if (!_buckets.TryGetValue(source, out var bucket))
        {
            if (_buckets.Count >= SweepThreshold)
            {
                Sweep(nowMs);
            }

            bucket = _buckets.GetOrAdd(source, static (_, state) => new Bucket(state.Burst, state.Now), (Burst: _burst, Now: nowMs));
        }

        return bucket.TryTake(nowMs, _ratePerMs, _burst);
    }

    private void Sweep(long nowMs)
    {
        foreach (var (key, bucket) in _buckets)
        {
            if (nowMs - bucket.LastMs > IdleMs)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, long lastMs)
    {
        private readonly Lock _gate = new();
        private double _tokens = tokens;

        public long LastMs { get; private set; } = lastMs;

        public bool TryTake(long nowMs, double ratePerMs, double burst)
        {
            lock (_gate)
            {
                _tokens = Math.Min(burst, _tokens + ((nowMs - LastMs) * ratePerMs));
                LastMs = nowMs;
                if (_tokens < 1)
                {
                    return false;
                }

                _tokens--;
                return true;
            }
        }
    }
}
