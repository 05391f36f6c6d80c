using Npgsql;
using Telephony.Reports.Periods;

namespace Telephony.Reports.Building;

/// <summary>Reads a period's tables from report_interval_stats: sums of the buckets the period holds, grouped per table.</summary>
public sealed class ReportQuery(NpgsqlDataSource dataSource, ReportsOptions options, TimeProvider timeProvider)
{
    private const string Sums = """
        sum(offered)::bigint, sum(answered)::bigint, sum(answered_within_target)::bigint, sum(abandoned)::bigint,
        sum(short_abandoned)::bigint, sum(answer_wait_ms)::bigint, max(longest_wait_ms)::bigint, sum(talk_ms)::bigint,
        sum(wrap_up_ms)::bigint, sum(callbacks_requested)::bigint, sum(callbacks_made)::bigint, sum(survey_sum)::bigint,
        sum(survey_count)::bigint, sum(ivr_dropped)::bigint, sum(logged_in_ms)::bigint, sum(busy_ms)::bigint
        """;

    public async Task<ReportData> ReadAsync(ReportPeriod period, string generatedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var timeZone = options.ResolveTimeZone();
        var (from, to) = period.ToUtc(timeZone);
        var (timeHeading, timeFormat) = period.Kind switch
        {
            ReportKind.Daily => ("Hour", "HH24:00"),
            ReportKind.Monthly => ("Day", "YYYY-MM-DD"),
            _ => ("Month", "YYYY-MM"),
        };

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var byTime = await ReadAsync(connection, $"to_char(bucket_start AT TIME ZONE $4, '{timeFormat}')", "all", from, to, cancellationToken);
        var byQueue = await ReadAsync(connection, "key", "queue", from, to, cancellationToken);
        var byLanguage = await ReadAsync(connection, "key", "language", from, to, cancellationToken);
        var byTopic = await ReadAsync(connection, "key", "topic", from, to, cancellationToken);
        var byAgent = await ReadAsync(connection, "key", "agent", from, to, cancellationToken);
        var byNode = await ReadAsync(connection, "key", "ivr_node", from, to, cancellationToken);

        var agents = ReportFigures.Sum(byAgent.Select(r => r.Figures));
        var summary = ReportFigures.Sum(byTime.Select(r => r.Figures)) with { LoggedInMs = agents.LoggedInMs, BusyMs = agents.BusyMs };
        return new ReportData(
            period,
            options.TimeZone,
            options.ServiceLevelTarget,
            options.ShortAbandonThreshold,
            timeProvider.GetUtcNow(),
            generatedBy,
            summary,
            [
                new("By " + timeHeading.ToLowerInvariant(), timeHeading, ReportTableShape.Calls, byTime),
                new("By queue", "Queue", ReportTableShape.Calls, byQueue),
                new("By language", "Language", ReportTableShape.Calls, byLanguage),
                new("By topic", "Topic", ReportTableShape.Calls, byTopic),
                new("By agent", "Agent", ReportTableShape.Agents, byAgent),
                new("IVR drop-off", "Menu node", ReportTableShape.IvrDropOff, byNode),
            ]);
    }

    private async Task<List<ReportRow>> ReadAsync(
        NpgsqlConnection connection, string keyExpression, string dimension, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {keyExpression} AS row_key, {Sums}
            FROM report_interval_stats
            WHERE dimension = $1 AND bucket_start >= $2 AND bucket_start < $3
            GROUP BY row_key
            ORDER BY row_key
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new() { Value = dimension });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        if (keyExpression.Contains("$4", StringComparison.Ordinal))
        {
            command.Parameters.Add(new() { Value = options.TimeZone });
        }

        var rows = new List<ReportRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReportRow(reader.GetString(0), new ReportFigures
            {
                Offered = reader.GetInt64(1),
                Answered = reader.GetInt64(2),
                AnsweredWithinTarget = reader.GetInt64(3),
                Abandoned = reader.GetInt64(4),
                ShortAbandoned = reader.GetInt64(5),
                AnswerWaitMs = reader.GetInt64(6),
                LongestWaitMs = reader.GetInt64(7),
                TalkMs = reader.GetInt64(8),
                WrapUpMs = reader.GetInt64(9),
                CallbacksRequested = reader.GetInt64(10),
                CallbacksMade = reader.GetInt64(11),
                SurveySum = reader.GetInt64(12),
                SurveyCount = reader.GetInt64(13),
                IvrDropped = reader.GetInt64(14),
                LoggedInMs = reader.GetInt64(15),
                BusyMs = reader.GetInt64(16),
            }));
        }

        return rows;
    }
}
