-- One row per call, written when the call ends (through the spool when the database is away).
-- Reports read this table and acd_queue_events; all times are UTC timestamps, durations in milliseconds.
CREATE TABLE call_records (
    id                 uuid        PRIMARY KEY,
    sip_call_id        text        NOT NULL,
    host_id            text        NOT NULL,
    caller             text        NOT NULL,      -- the caller's number or SIP user
    dialed             text        NOT NULL,      -- the number the citizen dialled (user part of the request URI)
    started_at         timestamptz NOT NULL,      -- INVITE received
    answered_at        timestamptz NULL,          -- answered by the IVR
    ended_at           timestamptz NOT NULL,
    language           text        NULL,          -- az, ru, en as chosen in the IVR
    topic              text        NULL,          -- the topic chosen in the IVR ("transfers"), or set at wrap-up
    ivr_path           text[]      NOT NULL DEFAULT '{}',  -- node ids in order
    ivr_exit_node      text        NULL,          -- the last node before the call left the menu (drop-off analysis)
    queue_id           text        NULL,
    queued_at          timestamptz NULL,
    agent_id           text        NULL,
    agent_answered_at  timestamptz NULL,
    wait_ms            integer     NULL,          -- queued_at to agent answer, or to abandon
    talk_ms            integer     NULL,          -- agent answer to end of the conversation
    wrap_up_ms         integer     NULL,
    outcome            text        NOT NULL CHECK (outcome IN (
                           'answered', 'abandoned', 'overflowed', 'voicemail', 'callback-requested',
                           'ivr-completed', 'ivr-abandoned', 'after-hours', 'rejected', 'failed', 'transferred')),
    short_abandon      boolean     NOT NULL DEFAULT false,
    disposition        text        NULL,          -- the agent's wrap-up code
    notes              text        NULL,
    survey_score       smallint    NULL CHECK (survey_score BETWEEN 1 AND 5),
    callback_requested boolean     NOT NULL DEFAULT false,
    callback_made      boolean     NOT NULL DEFAULT false,
    is_callback        boolean     NOT NULL DEFAULT false,   -- this call is a callback we dialled
    transferred_to     text        NULL,
    recording_id       uuid        NULL,
    rtp_packets_in     integer     NULL,
    rtp_lost           integer     NULL,
    jitter_ms          real        NULL,
    mos                real        NULL
);
CREATE INDEX call_records_started_at_idx ON call_records (started_at);
CREATE INDEX call_records_caller_idx ON call_records (caller, started_at DESC);
CREATE INDEX call_records_agent_idx ON call_records (agent_id, started_at) WHERE agent_id IS NOT NULL;

-- Every queue event, append-only.
CREATE TABLE acd_queue_events (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL,
    call_id   uuid        NOT NULL,               -- call_records.id (the row may arrive later)
    queue_id  text        NOT NULL,
    event     text        NOT NULL CHECK (event IN (
                  'joined', 'offered', 'ring-no-answer', 'answered', 'abandoned', 'overflowed',
                  'callback-requested', 'callback-made', 'transferred', 'survey')),
    agent_id  text        NULL,
    host_id   text        NOT NULL,
    detail    jsonb       NULL
);
CREATE INDEX acd_queue_events_at_idx ON acd_queue_events (at);
CREATE INDEX acd_queue_events_call_idx ON acd_queue_events (call_id);
