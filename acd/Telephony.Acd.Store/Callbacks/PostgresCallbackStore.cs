using Npgsql;

namespace Telephony.Acd.Store.Callbacks;

/// <summary>
/// Queued callbacks in PostgreSQL, shared by every host on the database. A host owns the rows it inserted or claimed
/// for <see cref="LeaseDuration"/> and renews that lease while it lives; a host that dies loses its rows to the next
/// claimer once the lease runs out. Claims take rows with <c>FOR UPDATE SKIP LOCKED</c>, so each is taken by one host.
/// </summary>
public sealed class PostgresCallbackStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    public PostgresCallbackStore(NpgsqlDataSource dataSource, string hostId, TimeSpan leaseDuration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(hostId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _dataSource = dataSource;
        HostId = hostId;
        LeaseDuration = leaseDuration;
        _time = time;
    }

    /// <summary>The host this store claims and renews for.</summary>
    public string HostId { get; }

    public TimeSpan LeaseDuration { get; }

    /// <summary>
    /// Stores a new request, owned by this host with a fresh lease (its place is already in this host's engine).
    /// False when the original call's callback is already stored (a replay from the spool).
    /// </summary>
    public async Task<bool> InsertAsync(StoredCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var now = _time.GetUtcNow();
        await using var command = _dataSource.CreateCommand(CallbackSql.Insert);
        Add(command, callback.Id);
        Add(command, callback.OriginalCallId);
        Add(command, callback.QueueId);
        Add(command, callback.Number);
        Add(command, (object?)callback.Language ?? DBNull.Value);
        Add(command, (object?)callback.Topic ?? DBNull.Value);
        Add(command, callback.Skills.ToArray());
        Add(command, callback.EnqueuedAt);
        Add(command, callback.Priority);
        Add(command, callback.AttemptsAllowed);
        Add(command, checked((int)callback.RetryInterval.TotalMilliseconds));
        Add(command, callback.NextAttemptAt);
        Add(command, HostId);
        Add(command, now + LeaseDuration);
        Add(command, now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> open callbacks that nobody owns or whose lease ran out (and, with
    /// <paramref name="includeOwn"/>, the ones this host owned before it restarted), oldest place first.
    /// Each comes back pending, owned by this host with a fresh lease.
    /// </summary>
    public async Task<IReadOnlyList<StoredCallback>> ClaimAsync(bool includeOwn, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = _time.GetUtcNow();
        await using var command = _dataSource.CreateCommand(CallbackSql.Claim);
        Add(command, HostId);
        Add(command, now);
        Add(command, now + LeaseDuration);
        Add(command, includeOwn);
        Add(command, limit);
        var claimed = await ReadAsync(command, cancellationToken);
        return [.. claimed.OrderBy(c => c.EnqueuedAt).ThenBy(c => c.Id)];
    }

    /// <summary>Extends this host's leases on its open callbacks; returns the original call ids it still owns.</summary>
    public async Task<IReadOnlySet<Guid>> RenewAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var command = _dataSource.CreateCommand(CallbackSql.Renew);
        Add(command, HostId);
        Add(command, now);
        Add(command, now + LeaseDuration);
        var owned = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            owned.Add(reader.GetGuid(0));
        }

        return owned;
    }

    /// <summary>An agent answered for the callback: the citizen is being dialled (attempt <paramref name="attemptsMade"/>).</summary>
    public Task<bool> MarkDiallingAsync(Guid originalCallId, int attemptsMade, CancellationToken cancellationToken) =>
        UpdateAsync(originalCallId, CallbackState.Dialling, attemptsMade, _time.GetUtcNow(), cancellationToken);

    /// <summary>The citizen did not answer: the callback waits for <paramref name="nextAttemptAt"/>, then its place again.</summary>
    public Task<bool> MarkAttemptFailedAsync(Guid originalCallId, int attemptsMade, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        UpdateAsync(originalCallId, CallbackState.Pending, attemptsMade, nextAttemptAt, cancellationToken);

    public Task<bool> MarkCompletedAsync(Guid originalCallId, int attemptsMade, CancellationToken cancellationToken) =>
        UpdateAsync(originalCallId, CallbackState.Completed, attemptsMade, _time.GetUtcNow(), cancellationToken);

    public Task<bool> MarkGivenUpAsync(Guid originalCallId, int attemptsMade, CancellationToken cancellationToken) =>
        UpdateAsync(originalCallId, CallbackState.GivenUp, attemptsMade, _time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Applies a change to the row as its owner. False when this host does not own the open row (any more): another
    /// host claimed it after this host's lease ran out, or it is already closed.
    /// </summary>
    public async Task<bool> UpdateAsync(Guid originalCallId, CallbackState state, int attemptsMade, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(CallbackSql.Update);
        Add(command, originalCallId);
        Add(command, HostId);
        Add(command, _time.GetUtcNow());
        Add(command, CallbackStates.Word(state));
        Add(command, attemptsMade);
        Add(command, nextAttemptAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Gives up this host's pending callbacks at a clean stop, so another host takes them without waiting for the lease.</summary>
    public async Task<int> ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(CallbackSql.Release);
        Add(command, HostId);
        Add(command, _time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The stored row of the original call's callback, or null.</summary>
    public async Task<StoredCallback?> FindAsync(Guid originalCallId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(CallbackSql.Find);
        Add(command, originalCallId);
        var found = await ReadAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    private static void Add(NpgsqlCommand command, object value) => command.Parameters.Add(new() { Value = value });

    private static async Task<List<StoredCallback>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<StoredCallback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredCallback(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                await reader.IsDBNullAsync(4, cancellationToken) ? null : reader.GetString(4),
                await reader.IsDBNullAsync(5, cancellationToken) ? null : reader.GetString(5),
                await reader.GetFieldValueAsync<string[]>(6, cancellationToken),
                await reader.GetFieldValueAsync<DateTimeOffset>(7, cancellationToken),
                reader.GetInt32(8),
                reader.GetInt32(9),
                TimeSpan.FromMilliseconds(reader.GetInt32(10)))
            {
                AttemptsMade = reader.GetInt32(11),
                NextAttemptAt = await reader.GetFieldValueAsync<DateTimeOffset>(12, cancellationToken),
                State = CallbackStates.Parse(reader.GetString(13)),
                OwnerHostId = await reader.IsDBNullAsync(14, cancellationToken) ? null : reader.GetString(14),
                LeaseExpiresAt = await reader.IsDBNullAsync(15, cancellationToken) ? null : await reader.GetFieldValueAsync<DateTimeOffset>(15, cancellationToken),
            });
        }

        return rows;
    }
}
