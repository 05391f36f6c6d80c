namespace Telephony.Reports.Statistics;

/// <summary>
/// The SQL behind <see cref="IntervalStatisticsBuilder"/>. Parameters: $1, $2 the bucket-aligned UTC period;
/// $3 the service-level target and $4 the short-abandon threshold, in milliseconds; $5 now (open agent spans end there).
/// A call counts in the bucket it started in, so a call that spans midnight belongs to the day it started.
/// </summary>
internal static class IntervalStatisticsSql
{
    private const string Columns = """
        bucket_start, dimension, key, offered, answered, answered_within_target, abandoned, short_abandoned,
        answer_wait_ms, longest_wait_ms, talk_ms, wrap_up_ms, callbacks_requested, callbacks_made,
        survey_sum, survey_count, ivr_dropped
        """;

    // q: the call reached a queue as an inbound call (callbacks we dialled are not offered again).
    // IVR drop: left the menu at ivr_exit_node without reaching a queue, and not because the hotline was closed (after-hours)
    // or the menu itself served the caller (ivr-completed).
    // Answered: an agent picked up. Abandoned: the caller hung up in the queue; under $4 it is a short abandon.
    private const string Measures = """
        count(*) FILTER (WHERE q),
        count(*) FILTER (WHERE q AND answered),
        count(*) FILTER (WHERE q AND answered AND wait_ms <= $3),
        count(*) FILTER (WHERE q AND NOT answered AND outcome = 'abandoned' AND coalesce(wait_ms, 0) >= $4),
        count(*) FILTER (WHERE q AND NOT answered AND outcome = 'abandoned' AND coalesce(wait_ms, 0) < $4),
        coalesce(sum(wait_ms) FILTER (WHERE q AND answered), 0),
        coalesce(max(wait_ms) FILTER (WHERE q), 0),
        coalesce(sum(talk_ms) FILTER (WHERE q AND answered), 0),
        coalesce(sum(wrap_up_ms) FILTER (WHERE q AND answered), 0),
        count(*) FILTER (WHERE callback_requested),
        count(*) FILTER (WHERE callback_made),
        coalesce(sum(survey_score), 0),
        count(survey_score),
        count(*) FILTER (WHERE ivr_drop)
        """;

    private const string Calls = """
        SELECT date_bin('15 minutes', started_at, timestamptz '2000-01-01 00:00:00+00') AS bucket_start,
               queue_id, language, topic, agent_id, ivr_exit_node, outcome, wait_ms, talk_ms, wrap_up_ms,
               survey_score, callback_requested, callback_made,
               (queue_id IS NOT NULL AND NOT is_callback) AS q,
               (agent_answered_at IS NOT NULL) AS answered,
               (queue_id IS NULL AND ivr_exit_node IS NOT NULL AND outcome NOT IN ('after-hours', 'ivr-completed')) AS ivr_drop
        FROM call_records
        WHERE started_at >= $1 AND started_at < $2
        """;

    public static IReadOnlyList<string> CallDimensions { get; } =
    [
        Dimension("all", "''", string.Empty),
        Dimension("queue", "queue_id", "AND queue_id IS NOT NULL"),
        Dimension("language", "coalesce(language, '')", string.Empty),
        Dimension("topic", "coalesce(topic, '')", string.Empty),
        Dimension("agent", "agent_id", "AND agent_id IS NOT NULL"),
        Dimension("ivr_node", "ivr_exit_node", "AND queue_id IS NULL AND ivr_exit_node IS NOT NULL AND outcome NOT IN ('after-hours', 'ivr-completed')"),
    ];

    /// <summary>
    /// Occupancy: per agent and bucket, time in a status other than loggedOut (logged in) and time in state onCall or wrapUp (busy),
    /// from the status log's spans (each row lasts until the agent's next row of the same kind), cut at bucket edges.
    /// </summary>
    public const string AgentOccupancy = """
        WITH rows AS (
            SELECT last.id, a.id AS agent_id, k.kind, last.value, last.at
            FROM acd_agents a
            CROSS JOIN (VALUES ('status'), ('state')) AS k (kind)
            CROSS JOIN LATERAL (
                SELECT l.id, l.value, l.at FROM acd_agent_status_log l
                WHERE l.agent_id = a.id AND l.kind = k.kind AND l.at < $1
                ORDER BY l.at DESC, l.id DESC LIMIT 1) last
            UNION ALL
            SELECT id, agent_id, kind, value, at FROM acd_agent_status_log WHERE at >= $1 AND at < $2
        ), spans AS (
            SELECT agent_id,
                   (kind = 'status' AND value <> 'loggedOut') AS logged_in,
                   (kind = 'state' AND value IN ('onCall', 'wrapUp')) AS busy,
                   greatest(at, $1) AS span_start,
                   least(coalesce(lead(at) OVER (PARTITION BY agent_id, kind ORDER BY at, id), $2), $2, $5) AS span_end
            FROM rows
        ), pieces AS (
            SELECT s.agent_id, s.logged_in, s.busy, b AS bucket_start,
                   extract(epoch FROM least(s.span_end, b + interval '15 minutes') - greatest(s.span_start, b)) * 1000 AS ms
            FROM spans s
            CROSS JOIN LATERAL generate_series(
                date_bin('15 minutes', s.span_start, timestamptz '2000-01-01 00:00:00+00'),
                s.span_end - interval '1 microsecond', interval '15 minutes') AS b
            WHERE s.span_end > s.span_start AND (s.logged_in OR s.busy)
        )
        INSERT INTO report_interval_stats (bucket_start, dimension, key, logged_in_ms, busy_ms)
        SELECT bucket_start, 'agent', agent_id,
               round(coalesce(sum(ms) FILTER (WHERE logged_in), 0))::bigint,
               round(coalesce(sum(ms) FILTER (WHERE busy), 0))::bigint
        FROM pieces
        GROUP BY bucket_start, agent_id
        ON CONFLICT (bucket_start, dimension, key) DO UPDATE
        SET logged_in_ms = EXCLUDED.logged_in_ms, busy_ms = EXCLUDED.busy_ms
        """;

    private static string Dimension(string dimension, string key, string filter) => $"""
        INSERT INTO report_interval_stats ({Columns})
        SELECT bucket_start, '{dimension}', {key},
        {Measures}
        FROM ({Calls} {filter}) c
        GROUP BY 1, 3
        """;
}
