-- Queued callbacks: a waiting caller asked to be called back and hung up, keeping its place. The row outlives the
-- host that took the request, and every host on the database may dial it: a host owns a row while its lease runs
-- (renewed while the host lives); a row whose lease ran out, or that nobody owns, is claimed by the next host that
-- looks (FOR UPDATE SKIP LOCKED), which queues it at its original place (enqueued_at, priority).
CREATE TABLE acd_callbacks (
    id               uuid        PRIMARY KEY,
    original_call_id uuid        NOT NULL UNIQUE,        -- the call record of the call that asked; the ACD's call id
    queue_id         text        NOT NULL,
    number           text        NOT NULL,               -- already checked against the allowed numbers
    language         text        NULL,
    topic            text        NULL,
    skills           text[]      NOT NULL DEFAULT '{}',  -- the caller's skill requirements in the queue
    enqueued_at      timestamptz NOT NULL,               -- the caller's original place
    priority         integer     NOT NULL,
    attempts_allowed integer     NOT NULL CHECK (attempts_allowed >= 1),
    attempts_made    integer     NOT NULL DEFAULT 0 CHECK (attempts_made >= 0),
    retry_interval_ms integer    NOT NULL CHECK (retry_interval_ms > 0),
    next_attempt_at  timestamptz NOT NULL,               -- not queued again before this (after an unanswered dial)
    state            text        NOT NULL CHECK (state IN ('pending', 'dialling', 'completed', 'given_up')),
    owner_host_id    text        NULL,
    lease_expires_at timestamptz NULL,
    requested_at     timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

-- What claims scan: the open callbacks, oldest place first.
CREATE INDEX acd_callbacks_open_idx ON acd_callbacks (enqueued_at) WHERE state IN ('pending', 'dialling');
