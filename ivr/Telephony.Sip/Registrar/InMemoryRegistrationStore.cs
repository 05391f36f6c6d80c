namespace Telephony.Sip.Registrar;

/// <summary>Bindings in process memory, for a single host and for tests. Bindings lapse on the injected clock.</summary>
public sealed class InMemoryRegistrationStore(TimeProvider timeProvider) : IRegistrationStore
{
    private readonly Dictionary<string, List<SipBinding>> _bindings = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<IReadOnlyList<SipBinding>> FindContactsAsync(string aor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aor);
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (!_bindings.TryGetValue(aor, out var list))
            {
                return Task.FromResult<IReadOnlyList<SipBinding>>([]);
            }

            list.RemoveAll(b => b.ExpiresAt <= now);
            if (list.Count == 0)
            {
                _bindings.Remove(aor);
            }

            return Task.FromResult<IReadOnlyList<SipBinding>>([.. list]);
        }
    }

    public Task SaveAsync(SipBinding binding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        lock (_lock)
        {
            if (!_bindings.TryGetValue(binding.Aor, out var list))
            {
                list = [];
                _bindings.Add(binding.Aor, list);
            }

            var index = list.FindIndex(b => string.Equals(b.ContactUri, binding.ContactUri, StringComparison.Ordinal));
            if (index >= 0)
            {
                list[index] = binding;
            }
            else
            {
                list.Add(binding);
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string aor, string contactUri, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_bindings.TryGetValue(aor, out var list))
            {
                list.RemoveAll(b => string.Equals(b.ContactUri, contactUri, StringComparison.Ordinal));
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAllAsync(string aor, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _bindings.Remove(aor);
        }

        return Task.CompletedTask;
    }
}
