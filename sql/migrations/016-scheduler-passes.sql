-- The scheduler's last finished pass, for /metrics (an alert when the
-- scheduler has stopped: time() - bianmin_scheduler_last_pass_timestamp_seconds).
-- One row, overwritten by each pass that finished.
CREATE TABLE scheduler_pass (
	id          INTEGER PRIMARY KEY CHECK (id = 1),
	finished_at INTEGER NOT NULL,   -- unix seconds
	scanned     INTEGER NOT NULL,   -- open items looked at
	flags       INTEGER NOT NULL,   -- flags raised
	usec        INTEGER NOT NULL    -- how long the pass took
);
