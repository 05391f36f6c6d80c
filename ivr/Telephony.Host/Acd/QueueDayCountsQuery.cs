using Npgsql;
using Telephony.Acd.Queues;

namespace Telephony.Host.Acd;

/// <summary>Today's counts per queue from call_records, for the supervisor page.</summary>
public sealed class QueueDayCountsQuery(NpgsqlDataSource dataSource)
{
    /// <summary>Counts of calls that reached a queue at or after <paramref name="since"/>, by queue.</summary>
    public async Task<IReadOnlyList<QueueDayCounts>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT queue_id,
                   count(*)::int,
                   count(*) FILTER (WHERE outcome = 'answered')::int,
                   count(*) FILTER (WHERE outcome = 'answered' AND wait_ms <= $2)::int,
                   count(*) FILTER (WHERE outcome = 'abandoned')::int
            FROM call_records
            WHERE started_at >= $1 AND queue_id IS NOT NULL
            GROUP BY queue_id
            ORDER BY queue_id
            """);
        command.Parameters.Add(new() { Value = since });
        command.Parameters.Add(new() { Value = (int)ServiceLevelTarget.Default.Threshold.TotalMilliseconds });
        var counts = new List<QueueDayCounts>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var offered = reader.GetInt32(1);
            var answered = reader.GetInt32(2);
            var within = reader.GetInt32(3);
            var abandoned = reader.GetInt32(4);
            counts.Add(new QueueDayCounts(reader.GetString(0), offered, answered, within, abandoned, Percent(within, offered), Percent(abandoned, offered)));
        }

        return counts;
    }

    private static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}
