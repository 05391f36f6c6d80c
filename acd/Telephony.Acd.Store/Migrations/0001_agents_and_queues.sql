-- The ACD's configuration: agents with skills, queues with required skills. Times are UTC.
CREATE TABLE acd_agents (
    id          text        PRIMARY KEY,          -- stable id, by convention the extension
    extension   text        NOT NULL UNIQUE,      -- the SIP user of the agent's phone
    name        text        NOT NULL,
    account_id  bigint      NULL,                 -- the host's accounts.id of the agent's web login
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE acd_agent_skills (
    agent_id    text     NOT NULL REFERENCES acd_agents (id) ON DELETE CASCADE,
    skill       text     NOT NULL,                -- "lang:az", "topic:transfers"
    proficiency smallint NOT NULL CHECK (proficiency BETWEEN 1 AND 10),
    PRIMARY KEY (agent_id, skill)
);

CREATE TABLE acd_queues (
    id          text    PRIMARY KEY,              -- "transfers"
    name        text    NOT NULL,
    definition  jsonb   NOT NULL,                 -- the AcdQueue settings: priority, service level, max wait, overflow, relaxation, ring timeout, wrap-up
    active      boolean NOT NULL DEFAULT true
);

-- Agent status (chosen by the agent) and state (set by the system), every change kept.
CREATE TABLE acd_agent_status_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id  text        NOT NULL REFERENCES acd_agents (id) ON DELETE CASCADE,
    at        timestamptz NOT NULL,
    kind      text        NOT NULL CHECK (kind IN ('status', 'state')),
    value     text        NOT NULL,               -- loggedOut/available/onBreak, idle/reserved/ringing/onCall/wrapUp
    reason    text        NULL,
    changed_by text       NULL                    -- who forced a status (a supervisor), null when the agent or the system did
);
CREATE INDEX acd_agent_status_log_agent_at_idx ON acd_agent_status_log (agent_id, at);

-- Which call holds which agent, across every host sharing the database: one row per held agent.
CREATE TABLE acd_agent_reservations (
    agent_id    text        PRIMARY KEY REFERENCES acd_agents (id) ON DELETE CASCADE,
    call_id     text        NOT NULL,
    host_id     text        NOT NULL,
    reserved_at timestamptz NOT NULL DEFAULT now()
);
