-- Which published menu tree version each call followed: a call keeps the version it started with, so analytics of a
-- menu change (drop-off before and after, new options taken) must tell the versions apart. Null for calls that never
-- reached the menu and for rows written before this column existed.
ALTER TABLE call_records ADD COLUMN ivr_tree_id text NULL;
ALTER TABLE call_records ADD COLUMN ivr_tree_version integer NULL;
