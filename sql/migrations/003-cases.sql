-- 003: applications (申辦案件), their append-only events, and the per-case
-- one-time correction notices (一次告知補正).

CREATE TABLE cases (
	id              INTEGER PRIMARY KEY,
	case_no         TEXT NOT NULL UNIQUE,        -- A1151126-0007
	code_hash       TEXT NOT NULL,               -- argon2id of the query code
	service_id      INTEGER NOT NULL REFERENCES services(id),
	unit            TEXT NOT NULL REFERENCES units(code),
	applicant_name  TEXT NOT NULL,
	applicant_phone TEXT NOT NULL,
	phone_digits    TEXT NOT NULL,               -- for finding a caller's cases
	applicant_email TEXT,
	applicant_natid TEXT,
	channel         TEXT NOT NULL CHECK (channel IN ('counter', 'mail', 'online', 'fax')),
	state           TEXT NOT NULL CHECK (state IN ('received', 'review', 'correction', 'approved',
	                                                'rejected', 'closed', 'withdrawn')),
	received_on     TEXT NOT NULL,               -- office date, YYYY-MM-DD
	received_at     TEXT NOT NULL,               -- UTC timestamp
	days            INTEGER NOT NULL,            -- working days allowed (the service's, at receipt)
	paused_days     INTEGER NOT NULL DEFAULT 0,  -- working days spent waiting for correction
	paused_since    TEXT,                        -- office date the current wait began
	due_on          TEXT NOT NULL,               -- received_on + days + paused_days working days
	officer_id      INTEGER REFERENCES users(id),
	created_by      INTEGER REFERENCES users(id),
	closed_at       TEXT
);
CREATE INDEX cases_phone ON cases(phone_digits);
CREATE INDEX cases_open_due ON cases(unit, due_on) WHERE state IN ('received', 'review', 'correction');

CREATE TABLE case_events (
	id         INTEGER PRIMARY KEY,
	case_id    INTEGER NOT NULL REFERENCES cases(id),
	at         TEXT NOT NULL,
	user_id    INTEGER REFERENCES users(id),
	username   TEXT,
	from_state TEXT,
	to_state   TEXT NOT NULL,
	note       TEXT
);
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE corrections (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES cases(id),
	seq         INTEGER NOT NULL,                -- 1 = the one-time notice; more need a reason
	issued_at   TEXT NOT NULL,
	issued_on   TEXT NOT NULL,                   -- office date
	issued_by   INTEGER REFERENCES users(id),
	officer     TEXT NOT NULL,                   -- name printed on the sheet
	officer_phone TEXT NOT NULL,
	deadline_on TEXT NOT NULL,
	reason      TEXT,                            -- why a second notice was needed
	resolved_on TEXT,
	UNIQUE (case_id, seq)
);

CREATE TABLE correction_items (
	correction_id INTEGER NOT NULL REFERENCES corrections(id),
	seq           INTEGER NOT NULL,
	text_zh       TEXT NOT NULL,
	text_en       TEXT,
	PRIMARY KEY (correction_id, seq)
) WITHOUT ROWID;

-- Public address printed in receipts' QR codes (status page).
INSERT INTO settings (key, value) VALUES ('public_url', 'http://127.0.0.1:8080');
