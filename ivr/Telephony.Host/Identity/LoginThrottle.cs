using System.Collections.Concurrent;

namespace Telephony.Host.Identity;

/// <summary>
/// Slows password guessing: after <see cref="MaxFailures"/> failed sign-ins within <see cref="Window"/> for one
/// source address or one username, further attempts are refused until the window has passed.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    public bool IsLockedOut(string sourceIp, string username) => Count("ip:" + sourceIp) >= MaxFailures || Count("user:" + username.ToLowerInvariant()) >= MaxFailures;

    public void RecordFailure(string sourceIp, string username)
    {
        Add("ip:" + sourceIp);
        Add("user:" + username.ToLowerInvariant());
    }

    public void RecordSuccess(string sourceIp, string username)
    {
        _failures.TryRemove("ip:" + sourceIp, out _);
        _failures.TryRemove("user:" + username.ToLowerInvariant(), out _);
    }

    private int Count(string key)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return 0;
        }

        var now = time.GetUtcNow();
        lock (failures)
        {
            failures.Times.RemoveAll(t => now - t > Window);
            return failures.Times.Count;
        }
    }

    private void Add(string key)
    {
        var failures = _failures.GetOrAdd(key, _ => new Failures());
        lock (failures)
        {
            failures.Times.Add(time.GetUtcNow());
        }
    }

    private sealed class Failures
    {
        public List<DateTimeOffset> Times { get; } = [];
    }
}
