using Npgsql;

namespace Telephony.Reports.Statistics;

/// <summary>
/// Recomputes the 15-minute buckets of <c>report_interval_stats</c> that touch a period from the raw rows
/// (<c>call_records</c>, <c>acd_agent_status_log</c>): delete the period's buckets, then one INSERT … SELECT per dimension,
/// all in one transaction, so running it twice gives the same rows. Calling it for the bucket a finished call started in is
/// the incremental path; calling it for a day or a year rebuilds history.
/// </summary>
public sealed class IntervalStatisticsBuilder(NpgsqlDataSource dataSource, ReportsOptions options, TimeProvider timeProvider)
{
    public static readonly TimeSpan BucketLength = TimeSpan.FromMinutes(15);

    /// <summary>Shared by every host: rebuilds of overlapping periods take turns instead of colliding on the primary key.</summary>
    private const long AdvisoryLockKey = 0x7265_706f_7274_73; // "reports"

    /// <summary>Rebuilds every bucket that overlaps [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task RebuildAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var start = BucketOf(from);
        var end = BucketOf(to) == to.ToUniversalTime() ? to.ToUniversalTime() : BucketOf(to) + BucketLength;
        if (end <= start)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", start, end, cancellationToken);
        await ExecuteAsync(connection, transaction,
            "DELETE FROM report_interval_stats WHERE bucket_start >= $1 AND bucket_start < $2", start, end, cancellationToken);
        foreach (var statement in IntervalStatisticsSql.CallDimensions)
        {
            await ExecuteAsync(connection, transaction, statement, start, end, cancellationToken);
        }

        await ExecuteAsync(connection, transaction, IntervalStatisticsSql.AgentOccupancy, start, end, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The incremental path: refreshes the bucket a call that just ended started in.</summary>
    public Task RebuildBucketAsync(DateTimeOffset callStartedAt, CancellationToken cancellationToken)
    {
        var bucket = BucketOf(callStartedAt);
        return RebuildAsync(bucket, bucket + BucketLength, cancellationToken);
    }

    /// <summary>The start of the 15-minute UTC bucket holding <paramref name="instant"/>.</summary>
    public static DateTimeOffset BucketOf(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        return new DateTimeOffset(utc - (utc % BucketLength.Ticks), TimeSpan.Zero);
    }

    private async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        // Positional parameters must be supplied up to the highest one the statement names, and no further.
        object[] values =
        [
            start,
            end,
            (int)options.ServiceLevelTarget.TotalMilliseconds,
            (int)options.ShortAbandonThreshold.TotalMilliseconds,
            timeProvider.GetUtcNow(),
        ];
        var highest = 0;
        for (var n = values.Length; n > 0 && highest == 0; n--)
        {
            if (sql.Contains("$" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                highest = n;
            }
        }

        for (var n = 0; n < highest; n++)
        {
            command.Parameters.Add(new() { Value = values[n] });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
