using Npgsql;
using Telephony.Acd.Ports;

namespace Telephony.Acd.Store.Reservations;

/// <summary>
/// Agent reservations in PostgreSQL, shared by every host behind the load balancer: a row in acd_agent_reservations
/// per held agent, taken and freed by single atomic statements, so no agent is ever held by two calls across processes.
/// Each row names the host that took it, so a restarted host can drop what it held before it crashed.
/// </summary>
public sealed class PostgresAgentReservationStore : IAgentReservationStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;

    public PostgresAgentReservationStore(NpgsqlDataSource dataSource, string hostId, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(hostId);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _dataSource = dataSource;
        HostId = hostId;
        _timeProvider = timeProvider;
    }

    /// <summary>The id this store records on every reservation it takes.</summary>
    public string HostId { get; }

    public async ValueTask<bool> TryReserveAsync(string agentId, string callId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentException.ThrowIfNullOrEmpty(callId);
        await using var command = _dataSource.CreateCommand(ReservationSql.TryReserve);
        command.Parameters.Add(new() { Value = agentId });
        command.Parameters.Add(new() { Value = callId });
        command.Parameters.Add(new() { Value = HostId });
        command.Parameters.Add(new() { Value = _timeProvider.GetUtcNow() });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async ValueTask ReleaseAsync(string agentId, string callId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentException.ThrowIfNullOrEmpty(callId);
        await using var command = _dataSource.CreateCommand(ReservationSql.Release);
        command.Parameters.Add(new() { Value = agentId });
        command.Parameters.Add(new() { Value = callId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Frees every agent held by calls of <paramref name="hostId"/>. A host calls it for its own id at start-up, before
    /// taking calls: whatever it held before it stopped belongs to calls that no longer exist. Returns how many were freed.
    /// </summary>
    public async Task<int> ReleaseAllForHostAsync(string hostId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostId);
        await using var command = _dataSource.CreateCommand(ReservationSql.ReleaseAllForHost);
        command.Parameters.Add(new() { Value = hostId });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// This host's holds whose call is not among <paramref name="liveCallIds"/> and that were taken before
    /// <paramref name="reservedBefore"/>: leaks the watchdog should release. Take the live set first and pass the time
    /// it was taken, so a reservation made after the snapshot is not mistaken for a leak.
    /// </summary>
    public async Task<IReadOnlyList<AgentReservation>> HoldsOutsideAsync(
        IReadOnlyCollection<string> liveCallIds, DateTimeOffset reservedBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(liveCallIds);
        await using var command = _dataSource.CreateCommand(ReservationSql.HoldsOutside);
        command.Parameters.Add(new() { Value = HostId });
        command.Parameters.Add(new() { Value = liveCallIds.ToArray() });
        command.Parameters.Add(new() { Value = reservedBefore });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Every agent held by this host's calls, oldest first.</summary>
    public async Task<IReadOnlyList<AgentReservation>> HoldsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(ReservationSql.HoldsOfHost);
        command.Parameters.Add(new() { Value = HostId });
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<AgentReservation>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var holds = new List<AgentReservation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            holds.Add(new AgentReservation(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), await reader.GetFieldValueAsync<DateTimeOffset>(3, cancellationToken)));
        }

        return holds;
    }
}
