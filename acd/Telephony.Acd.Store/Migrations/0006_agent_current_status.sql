-- Each agent's current chosen status (logged out, available, on break with a reason), shared by every host on the
-- database: a host writes the statuses people choose through it, and every host applies what the others wrote.
-- A row only ever moves forward in (changed_at, host_id), so a write spooled while the database was away and sent
-- later cannot undo a newer choice. Every change is announced on the channel acd_agent_status with the agent id.
CREATE TABLE acd_agent_current_status (
    agent_id   text        PRIMARY KEY REFERENCES acd_agents (id) ON DELETE CASCADE,
    status     text        NOT NULL CHECK (status IN ('loggedOut', 'available', 'onBreak')),
    reason     text        NULL,
    changed_at timestamptz NOT NULL,
    changed_by text        NULL,
    host_id    text        NOT NULL
);

CREATE FUNCTION acd_agent_current_status_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('acd_agent_status', NEW.agent_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER acd_agent_current_status_changed AFTER INSERT OR UPDATE ON acd_agent_current_status
    FOR EACH ROW EXECUTE FUNCTION acd_agent_current_status_announce();
