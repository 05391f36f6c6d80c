-- Menu trees as versioned documents. Every row of ivr_menu_trees is an immutable published version;
-- ivr_menu_tree_heads holds, per tree, the one draft being edited and the one version in force.
-- Changing the version in force is one UPDATE of the head row, made under that row's lock. Times are UTC.
CREATE TABLE ivr_menu_tree_heads (
    tree_id          text        PRIMARY KEY,
    draft            jsonb       NULL,             -- the MenuTree document being edited; always a valid tree when present
    draft_saved_by   text        NULL,
    draft_saved_at   timestamptz NULL,
    in_force_version integer     NULL             -- the version new calls start with; null until the first publish
);

CREATE TABLE ivr_menu_trees (
    tree_id      text        NOT NULL REFERENCES ivr_menu_tree_heads (tree_id),
    version      integer     NOT NULL CHECK (version > 0),
    document     jsonb       NOT NULL,             -- the MenuTree document, its "version" field equal to the column
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz NOT NULL,             -- versions are created by publishing; a rollback publishes a copy
    published_by text        NOT NULL,
    rolled_back_from integer NULL,                 -- for a rollback: the version whose document this is
    PRIMARY KEY (tree_id, version)
);

ALTER TABLE ivr_menu_tree_heads
    ADD CONSTRAINT ivr_menu_tree_heads_in_force_fk FOREIGN KEY (tree_id, in_force_version) REFERENCES ivr_menu_trees (tree_id, version)
    DEFERRABLE INITIALLY DEFERRED;

-- Holiday calendars that schedules refer to by id; admin-editable documents (HolidayCalendar JSON).
CREATE TABLE ivr_holiday_calendars (
    calendar_id text        PRIMARY KEY,
    document    jsonb       NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Uploaded recordings, already converted to 8 kHz 16-bit mono PCM WAV, addressed by the SHA-256 of that WAV.
-- A tree's prompt refers to one as "uploads/<sha256>.wav"; old versions keep working because rows are never replaced.
CREATE TABLE ivr_prompt_uploads (
    sha256        text        PRIMARY KEY,
    tree_id       text        NOT NULL,
    node_id       text        NOT NULL,
    language      text        NOT NULL CHECK (language IN ('az', 'ru', 'en')),
    original_name text        NOT NULL,
    audio         bytea       NOT NULL,
    duration_ms   integer     NOT NULL,
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL
);

CREATE INDEX ivr_prompt_uploads_node ON ivr_prompt_uploads (tree_id, node_id, language, uploaded_at DESC);

-- Index of the prompt cache under DATA/prompts: which synthesised file holds which text, voice and language.
CREATE TABLE ivr_rendered_prompts (
    cache_key   text        PRIMARY KEY,           -- SHA-256 of (provider, voice, language, text)
    provider    text        NOT NULL,
    voice       text        NOT NULL,
    language    text        NOT NULL,
    text        text        NOT NULL,
    file_name   text        NOT NULL,              -- relative to DATA/prompts
    duration_ms integer     NOT NULL,
    rendered_at timestamptz NOT NULL
);
