-- Reports' own tables. report_interval_stats is the pre-aggregation every report reads: one row per 15-minute UTC bucket
-- and dimension value, recomputed from call_records and acd_agent_status_log by IntervalStatisticsBuilder.
-- Sums and counts, never averages, are stored so buckets add up into any period; durations in milliseconds.
-- Partitioned by dimension: every report query reads one dimension over a period, and with a year of buckets (about 0.6M rows,
-- most of them agents' logged-in time) a scan of the one partition beats a scan of the table; the primary key serves short periods.
CREATE TABLE report_interval_stats (
    bucket_start           timestamptz NOT NULL,   -- UTC, a multiple of 15 minutes
    dimension              text        NOT NULL CHECK (dimension IN ('all', 'queue', 'language', 'topic', 'agent', 'ivr_node')),
    key                    text        NOT NULL,   -- the queue, language, topic, agent or IVR node; '' for 'all' and for calls without one
    offered                integer     NOT NULL DEFAULT 0,
    answered               integer     NOT NULL DEFAULT 0,
    answered_within_target integer     NOT NULL DEFAULT 0,
    abandoned              integer     NOT NULL DEFAULT 0,   -- abandons at or above the short-abandon threshold
    short_abandoned        integer     NOT NULL DEFAULT 0,   -- abandons under the threshold, counted apart
    answer_wait_ms         bigint      NOT NULL DEFAULT 0,   -- sum of waits of answered calls (ASA)
    longest_wait_ms        integer     NOT NULL DEFAULT 0,
    talk_ms                bigint      NOT NULL DEFAULT 0,
    wrap_up_ms             bigint      NOT NULL DEFAULT 0,
    callbacks_requested    integer     NOT NULL DEFAULT 0,
    callbacks_made         integer     NOT NULL DEFAULT 0,
    survey_sum             integer     NOT NULL DEFAULT 0,
    survey_count           integer     NOT NULL DEFAULT 0,
    ivr_dropped            integer     NOT NULL DEFAULT 0,   -- calls that left the menu at this node and never reached a queue
    logged_in_ms           bigint      NOT NULL DEFAULT 0,   -- agents only: time in a status other than loggedOut
    busy_ms                bigint      NOT NULL DEFAULT 0,   -- agents only: time in state onCall or wrapUp
    PRIMARY KEY (bucket_start, dimension, key)
) PARTITION BY LIST (dimension);

CREATE TABLE report_interval_stats_all PARTITION OF report_interval_stats FOR VALUES IN ('all');
CREATE TABLE report_interval_stats_queue PARTITION OF report_interval_stats FOR VALUES IN ('queue');
CREATE TABLE report_interval_stats_language PARTITION OF report_interval_stats FOR VALUES IN ('language');
CREATE TABLE report_interval_stats_topic PARTITION OF report_interval_stats FOR VALUES IN ('topic');
CREATE TABLE report_interval_stats_agent PARTITION OF report_interval_stats FOR VALUES IN ('agent');
CREATE TABLE report_interval_stats_ivr_node PARTITION OF report_interval_stats FOR VALUES IN ('ivr_node');

-- Generated reports; regenerating a period replaces its row and files.
CREATE TABLE reports (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('daily', 'monthly', 'quarterly', 'yearly')),
    period_start date        NOT NULL,            -- local date (the reports' time zone) of the period's first day
    period_end   date        NOT NULL,            -- exclusive
    time_zone    text        NOT NULL,
    generated_at timestamptz NOT NULL,
    generated_by text        NOT NULL,            -- a user name, or 'scheduler'
    UNIQUE (kind, period_start)
);

CREATE TABLE report_files (
    report_id    bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    name         text   NOT NULL,                 -- "daily-2026-11-23.xlsx"
    content_type text   NOT NULL,
    content      bytea  NOT NULL,
    PRIMARY KEY (report_id, name)
);
