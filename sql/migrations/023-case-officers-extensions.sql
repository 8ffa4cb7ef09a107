-- 023: applications (申辦案件) as complete as petitions (issue 12): an
-- officer within the unit, extensions (展期) where the service allows them,
-- the satisfaction survey after closing, and what the monthly control
-- report (管制考核) and the counter's "taken in today" list read.
--
-- An extension adds working days: due_on = received_on + days +
-- paused_days + ext_days working days (store_cases_recompute_due).

-- Working days one application of the service may be extended by in all
-- (行政程序法 §51 allows one extension, at most the original period); 0:
-- no extensions.  The demo data sets it (sql/demo/settings.sql).
ALTER TABLE services ADD COLUMN ext_days INTEGER NOT NULL DEFAULT 0 CHECK (ext_days BETWEEN 0 AND 120);

ALTER TABLE cases ADD COLUMN ext_days INTEGER NOT NULL DEFAULT 0 CHECK (ext_days >= 0); -- approved, in working days
ALTER TABLE cases ADD COLUMN decided_on TEXT;   -- office date it left the open states (the report's "closed")
ALTER TABLE cases ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5); -- satisfaction, once, after closing
ALTER TABLE cases ADD COLUMN rating_note TEXT;
ALTER TABLE cases ADD COLUMN rated_at TEXT;

-- Cases decided before this migration: the office date of their closing, when known.
UPDATE cases SET decided_on = date(closed_at, '+8 hours') WHERE closed_at IS NOT NULL;

CREATE INDEX cases_open_officer ON cases(officer_id, due_on) WHERE state IN ('received', 'review', 'correction');
CREATE INDEX cases_received ON cases(received_on);
CREATE INDEX cases_taken_in ON cases(created_by, received_on);

-- Extension requests: asked by the assigned officer, decided by a head
-- (never the asker), as petition_extensions (004).
CREATE TABLE case_extensions (
	id            INTEGER PRIMARY KEY,
	case_id       INTEGER NOT NULL REFERENCES cases(id),
	asked_by      INTEGER REFERENCES users(id),
	asked_at      TEXT NOT NULL,
	old_due       TEXT NOT NULL,
	new_due       TEXT NOT NULL,               -- the due date it gives, on the day it was asked
	days          INTEGER NOT NULL CHECK (days BETWEEN 1 AND 120), -- working days asked for
	reason        TEXT NOT NULL,
	decision      TEXT CHECK (decision IN ('approved', 'refused')), -- NULL: waiting
	decided_by    INTEGER REFERENCES users(id),
	decided_at    TEXT,
	decision_note TEXT
);
CREATE INDEX case_extensions_case ON case_extensions(case_id, id);
CREATE UNIQUE INDEX case_extensions_pending ON case_extensions(case_id) WHERE decision IS NULL;
