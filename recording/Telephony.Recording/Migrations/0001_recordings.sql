-- One row per recording (a bridged conversation, stereo, or a voicemail, mono). Durations in milliseconds, times UTC.
CREATE TABLE recordings (
    id              uuid        PRIMARY KEY,
    call_id         uuid        NOT NULL,           -- call_records.id (that row is written when the call ends)
    kind            text        NOT NULL CHECK (kind IN ('conversation', 'voicemail')),
    host_id         text        NOT NULL,           -- the server that wrote it: start-up recovery repairs only its own
    agent_id        text        NULL,
    queue_id        text        NULL,
    language        text        NULL,
    started_at      timestamptz NOT NULL,
    duration_ms     bigint      NULL,
    talk_ms         bigint      NULL,               -- the talk time the call layer reported, for the mismatch check
    size_bytes      bigint      NULL,
    sha256          text        NULL,               -- hex of the playable WAV (before encryption)
    codec           text        NULL,               -- e.g. 'pcm16/8000/2'
    path            text        NOT NULL,           -- relative to the data directory
    status          text        NOT NULL CHECK (status IN ('recording', 'complete', 'interrupted', 'skipped')),
    length_mismatch boolean     NOT NULL DEFAULT false,
    legal_hold      boolean     NOT NULL DEFAULT false,
    key_id          text        NULL,               -- encryption key id; NULL = stored in clear
    deleted_at      timestamptz NULL
);
CREATE INDEX recordings_call_idx ON recordings (call_id);
CREATE INDEX recordings_started_idx ON recordings (started_at) WHERE deleted_at IS NULL;
CREATE INDEX recordings_open_idx ON recordings (host_id) WHERE status = 'recording';

CREATE TABLE recording_access_log (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recording_id uuid        NOT NULL REFERENCES recordings (id),
    at           timestamptz NOT NULL,
    user_name    text        NOT NULL,
    action       text        NOT NULL CHECK (action IN ('play', 'download')),
    source_ip    inet        NULL
);
CREATE INDEX recording_access_log_recording_idx ON recording_access_log (recording_id, at);

-- Days a queue's recordings are kept; queues without a row use Recording:DefaultRetentionDays.
CREATE TABLE recording_retention (
    queue_id text    PRIMARY KEY,
    days     integer NOT NULL CHECK (days > 0)
);
