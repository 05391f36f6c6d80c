namespace Telephony.Acd.Ports;

/// <summary>A single-process reservation store: enough when one server runs the ACD, and for tests.</summary>
public sealed class InMemoryAgentReservationStore : IAgentReservationStore
{
    private readonly Dictionary<string, string> _holders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ValueTask<bool> TryReserveAsync(string agentId, string callId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(callId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_holders.TryGetValue(agentId, out var holder))
            {
                return ValueTask.FromResult(string.Equals(holder, callId, StringComparison.Ordinal));
            }

            _holders.Add(agentId, callId);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask ReleaseAsync(string agentId, string callId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(callId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_holders.TryGetValue(agentId, out var holder) && string.Equals(holder, callId, StringComparison.Ordinal))
            {
                _holders.Remove(agentId);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The call holding the agent, or null.</summary>
    public string? HolderOf(string agentId)
    {
        lock (_gate)
        {
            return _holders.TryGetValue(agentId, out var holder) ? holder : null;
        }
    }
}
