-- QA scorecard forms are versioned; a version's definition (sections, criteria with weight, answer type, critical flag)
-- is a JSON document. Once published a version never changes: a change is a new version.
CREATE TABLE scorecard_versions (
    form_id      text        NOT NULL,
    version      integer     NOT NULL CHECK (version > 0),
    name         text        NOT NULL,
    definition   jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz NULL,
    PRIMARY KEY (form_id, version)
);

CREATE FUNCTION scorecard_versions_published_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published_at IS NOT NULL THEN
        RAISE EXCEPTION 'scorecard % version % is published and cannot be changed or deleted', OLD.form_id, OLD.version
            USING ERRCODE = 'P0001';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF NEW.form_id <> OLD.form_id OR NEW.version <> OLD.version THEN
        RAISE EXCEPTION 'a scorecard version keeps its form and number' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER scorecard_versions_immutable
    BEFORE UPDATE OR DELETE ON scorecard_versions
    FOR EACH ROW EXECUTE FUNCTION scorecard_versions_published_immutable();

CREATE TABLE evaluations (
    id              uuid        PRIMARY KEY,
    recording_id    uuid        NOT NULL REFERENCES recordings (id),
    form_id         text        NOT NULL,
    form_version    integer     NOT NULL,
    evaluator_id    text        NOT NULL,
    answers         jsonb       NOT NULL DEFAULT '{}',   -- criterion id → {"kind": "yes"|"no"|"na"|"scale", "scale": 1..5}
    score           double precision NULL,              -- 0..1, computed on submit
    status          text        NOT NULL CHECK (status IN ('draft', 'submitted', 'acknowledged', 'disputed', 'resolved')),
    dispute_reason  text        NULL,
    resolution      text        NULL,
    resolved_by     text        NULL,
    created_at      timestamptz NOT NULL,
    submitted_at    timestamptz NULL,
    updated_at      timestamptz NOT NULL,
    FOREIGN KEY (form_id, form_version) REFERENCES scorecard_versions (form_id, version),
    CHECK (status <> 'disputed' OR dispute_reason IS NOT NULL),
    CHECK (status <> 'resolved' OR (resolution IS NOT NULL AND resolved_by IS NOT NULL))
);
CREATE INDEX evaluations_recording_idx ON evaluations (recording_id);

-- Only published forms may be used to evaluate.
CREATE FUNCTION evaluations_require_published_form() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM scorecard_versions
                   WHERE form_id = NEW.form_id AND version = NEW.form_version AND published_at IS NOT NULL) THEN
        RAISE EXCEPTION 'scorecard % version % is not published', NEW.form_id, NEW.form_version USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER evaluations_published_form
    BEFORE INSERT ON evaluations
    FOR EACH ROW EXECUTE FUNCTION evaluations_require_published_form();

-- Comments pinned to a moment of the recording.
CREATE TABLE evaluation_comments (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evaluation_id uuid        NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    at_ms         bigint      NOT NULL CHECK (at_ms >= 0),
    author        text        NOT NULL,
    body          text        NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX evaluation_comments_evaluation_idx ON evaluation_comments (evaluation_id, at_ms);

-- The weekly sample: which evaluator scores which recording, and why it was picked.
CREATE TABLE evaluation_assignments (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    week_start   date        NOT NULL,
    evaluator_id text        NOT NULL,
    recording_id uuid        NOT NULL REFERENCES recordings (id),
    agent_id     text        NOT NULL,
    reason       text        NOT NULL CHECK (reason IN ('random', 'low-survey', 'calibration')),
    created_at   timestamptz NOT NULL,
    UNIQUE (week_start, recording_id, evaluator_id)
);
CREATE INDEX evaluation_assignments_evaluator_idx ON evaluation_assignments (evaluator_id, week_start);
