-- 018: appointments for mediation (調解) and free legal advice (義務律師諮詢),
-- issue #18.  Slots are not stored: domain/slots.c makes them from
-- the rules and the office calendar (closed days have none); a booking
-- names its slot by kind, day and start, and at most one live booking
-- holds a slot (the partial unique index), whatever the processes race.

CREATE TABLE slot_rules (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (kind IN ('mediation', 'legal')),
	weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),   -- 0 Sunday
	start_min  INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439), -- minutes after midnight, office time
	end_min    INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440),
	length_min INTEGER NOT NULL CHECK (length_min BETWEEN 5 AND 480),
	from_day   TEXT NOT NULL,                                        -- YYYY-MM-DD
	until_day  TEXT,                                                 -- NULL: no end
	created_by INTEGER REFERENCES users(id),
	created_at TEXT NOT NULL,
	CHECK (end_min > start_min)
);

CREATE TABLE slot_blocks (
	kind       TEXT NOT NULL,
	day        TEXT NOT NULL,
	start_min  INTEGER NOT NULL,
	reason     TEXT NOT NULL,
	created_by INTEGER REFERENCES users(id),
	created_at TEXT NOT NULL,
	PRIMARY KEY (kind, day, start_min)
);

CREATE TABLE bookings (
	id           INTEGER PRIMARY KEY,
	kind         TEXT NOT NULL CHECK (kind IN ('mediation', 'legal')),
	day          TEXT NOT NULL,
	start_min    INTEGER NOT NULL,
	length_min   INTEGER NOT NULL,
	form_hash    TEXT NOT NULL UNIQUE,
	code_hash    TEXT NOT NULL UNIQUE,
	name         TEXT,                 -- NULL after the retention period
	phone        TEXT,
	email        TEXT,
	subject      TEXT,
	state        TEXT NOT NULL CHECK (state IN ('booked', 'cancelled')),
	created_at   TEXT NOT NULL,
	cancelled_at TEXT,
	purged_at    TEXT
);
CREATE UNIQUE INDEX bookings_one_per_slot ON bookings(kind, day, start_min) WHERE state = 'booked';
CREATE INDEX bookings_day ON bookings(day, kind);

-- The office's standing offer: Wednesday mornings 09:00-12:00 in 30-minute slots, both kinds (二(二)6).
INSERT INTO slot_rules (kind, weekday, start_min, end_min, length_min, from_day, created_at) VALUES
	('mediation', 3, 540, 720, 30, '2025-01-01', '2025-01-01T00:00:00Z'),
	('legal', 3, 540, 720, 30, '2025-01-01', '2025-01-01T00:00:00Z');
