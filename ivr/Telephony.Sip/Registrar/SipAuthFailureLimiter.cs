namespace Telephony.Sip.Registrar;

/// <summary>
/// Counts failed authentications per key (a source IP or a user name) in a sliding window; at the limit the key is
/// locked for the lockout duration, during which every attempt fails whatever the password, so a cracker learns nothing.
/// Keys with nothing recent are dropped when the table grows; a locked source is refused before it can add keys, so
/// the table grows with the number of attacking addresses (about one source and five user keys each), not their requests.
/// </summary>
internal sealed class SipAuthFailureLimiter(int limit, TimeSpan window, TimeSpan lockout, TimeProvider timeProvider)
{
    private const int PruneThreshold = 10_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool Enabled => limit > 0;

    public bool IsLocked(string key)
    {
        if (!Enabled)
        {
            return false;
        }

        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            return _entries.TryGetValue(key, out var entry) && entry.LockedUntil > now;
        }
    }

    /// <summary>Records a failure; true when this failure locked the key.</summary>
    public bool RecordFailure(string key)
    {
        if (!Enabled)
        {
            return false;
        }

        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_entries.Count >= PruneThreshold)
            {
                Prune(now);
            }

            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            while (entry.Failures.Count > 0 && now - entry.Failures.Peek() >= window)
            {
                entry.Failures.Dequeue();
            }

            entry.Failures.Enqueue(now);
            if (entry.Failures.Count < limit || entry.LockedUntil > now)
            {
                return false;
            }

            entry.LockedUntil = now + lockout;
            entry.Failures.Clear();
            return true;
        }
    }

    public void Reset(string key)
    {
        lock (_lock)
        {
            _entries.Remove(key);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.LockedUntil <= now && (entry.Failures.Count == 0 || now - entry.Failures.Peek() >= window))
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset LockedUntil { get; set; }
    }
}
