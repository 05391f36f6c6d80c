using Npgsql;
using Telephony.Acd.Store.Records;

namespace Telephony.Host.Acd;

/// <summary>
/// Writes the agent's wrap-up (disposition, topic, notes, wrap-up time) onto the call's row in call_records. The row
/// is written through a spooled, batched writer when the caller hangs up, so it is flushed first and, if it has not
/// landed yet, looked for again for a few seconds.
/// </summary>
public sealed class WrapUpStore(NpgsqlDataSource dataSource, CallRecordWriter writer, TimeProvider time)
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);
    private const int Attempts = 25;

    /// <summary>True when the agent's call record took the wrap-up; false when no record of that call by that agent exists.</summary>
    public async Task<bool> SaveAsync(Guid callId, string extension, WrapUpRequest request, TimeSpan? wrapUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            if (await UpdateAsync(callId, extension, request, wrapUp, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            if (attempt == Attempts)
            {
                return false;
            }

            await Task.Delay(RetryPause, time, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> UpdateAsync(Guid callId, string extension, WrapUpRequest request, TimeSpan? wrapUp, CancellationToken cancellationToken)
    {
        // agent_id holds the extension the host recorded, or an ACD agent id whose extension it is.
        await using var command = dataSource.CreateCommand("""
            UPDATE call_records
            SET disposition = $3, notes = $4, topic = coalesce($5, topic), wrap_up_ms = coalesce($6, wrap_up_ms)
            WHERE id = $1 AND (agent_id = $2 OR agent_id IN (SELECT id FROM acd_agents WHERE extension = $2))
            """);
        command.Parameters.Add(new() { Value = callId });
        command.Parameters.Add(new() { Value = extension });
        command.Parameters.Add(new() { Value = request.Disposition });
        command.Parameters.Add(new() { Value = (object?)request.Notes ?? DBNull.Value });
        command.Parameters.Add(new() { Value = (object?)request.Topic ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new()
        {
            Value = wrapUp is { } span ? (int)Math.Clamp(span.TotalMilliseconds, 0, int.MaxValue) : DBNull.Value,
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer,
        });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
