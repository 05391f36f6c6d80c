-- Queue events and status changes reach the database through the write-behind spool, which may replay a batch after
-- a crash. A client-made id per row lets a replay skip what is already there (ON CONFLICT DO NOTHING).
ALTER TABLE acd_queue_events ADD COLUMN event_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE acd_queue_events ALTER COLUMN event_id DROP DEFAULT;
ALTER TABLE acd_queue_events ADD CONSTRAINT acd_queue_events_event_id_key UNIQUE (event_id);

ALTER TABLE acd_agent_status_log ADD COLUMN entry_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE acd_agent_status_log ALTER COLUMN entry_id DROP DEFAULT;
ALTER TABLE acd_agent_status_log ADD CONSTRAINT acd_agent_status_log_entry_id_key UNIQUE (entry_id);
