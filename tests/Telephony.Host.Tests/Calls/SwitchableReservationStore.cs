using Telephony.Acd.Ports;

namespace Telephony.Host.Tests.Calls;

/// <summary>
/// The in-memory reservation store behind a switch: while <see cref="Down"/>, every call fails as a PostgreSQL store
/// does when its database is away. Counts what was asked.
/// </summary>
public sealed class SwitchableReservationStore : IAgentReservationStore
{
    private readonly InMemoryAgentReservationStore _inner = new();
    private volatile bool _down;
    private int _failedReservations;

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public int FailedReservations => Volatile.Read(ref _failedReservations);

    /// <summary>Releases take this long (real time), as a delete on a busy database may, while reservations answer at once.</summary>
    public TimeSpan ReleaseDelay { get; set; }

    public string? HolderOf(string agentId) => _inner.HolderOf(agentId);

    public ValueTask<bool> TryReserveAsync(string agentId, string callId, CancellationToken cancellationToken)
    {
        if (_down)
        {
            Interlocked.Increment(ref _failedReservations);
            throw new TimeoutException("reservation store unreachable");
        }

        return _inner.TryReserveAsync(agentId, callId, cancellationToken);
    }

    public async ValueTask ReleaseAsync(string agentId, string callId, CancellationToken cancellationToken)
    {
        if (_down)
        {
            throw new TimeoutException("reservation store unreachable");
        }

        if (ReleaseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ReleaseDelay, cancellationToken);
        }

        await _inner.ReleaseAsync(agentId, callId, cancellationToken);
    }
}
