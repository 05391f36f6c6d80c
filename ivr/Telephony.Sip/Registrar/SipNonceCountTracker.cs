namespace Telephony.Sip.Registrar;

/// <summary>
/// Replay guard for the stateless nonces: per nonce, the highest nonce-count accepted so far. A request whose nc is not
/// above it (or a second use of a nonce without qop) is a replay; the digest does not cover Contact, so a replayed
/// Authorization could otherwise bind an attacker's contact. Per process: with several hosts a replay to another host
/// within the nonce lifetime is not caught. Entries go once their nonce can no longer be valid.
/// </summary>
internal sealed class SipNonceCountTracker(TimeSpan nonceLifetime, TimeProvider timeProvider)
{
    private readonly Dictionary<string, (ulong Count, DateTimeOffset Forget)> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextPrune;

    /// <summary>Accepts and records <paramref name="nonceCount"/> if it is above every count seen for the nonce.</summary>
    public bool TryAccept(string nonce, ulong nonceCount)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (now >= _nextPrune)
            {
                foreach (var (key, value) in _seen)
                {
                    if (value.Forget <= now)
                    {
                        _seen.Remove(key);
                    }
                }

                _nextPrune = now + nonceLifetime;
            }

            if (_seen.TryGetValue(nonce, out var last) && nonceCount <= last.Count)
            {
                return false;
            }

            // A nonce is valid for at most its lifetime from issue, so remembering it that long from first use is enough.
            _seen[nonce] = (nonceCount, now + nonceLifetime);
            return true;
        }
    }
}
