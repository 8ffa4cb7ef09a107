-- 004: petitions (陳情) from every channel, their append-only events,
-- extension requests (展期), the deadline rules, and what the scheduler
-- writes: flags, notifications and the e-mail outbox.
--
-- States (src/domain/petition.h): received (收件, waiting for the
-- secretariat to route it), routed (分派課室, waiting for an officer),
-- assigned (承辦中) are open; replied (已函復), transferred (已移文),
-- not_handled (不予處理, 行政程序法 §173) and duplicate (重複陳情, 併案)
-- are closed.

CREATE TABLE petitions (
	id            INTEGER PRIMARY KEY,
	petition_no   TEXT NOT NULL UNIQUE,        -- P1150213-0003
	code_hash     TEXT NOT NULL,               -- argon2id of the query code
	channel       TEXT NOT NULL CHECK (channel IN ('web', 'counter', 'hotline', 'mayor', 'chief', 'mailbox',
	                                                'suggestion', 'letter', 'email', 'fax')),
	ext_ref       TEXT,                        -- the channel's own number (1999 ticket, mayor's mailbox no.)
	name          TEXT,                        -- NULL when anonymous
	phone         TEXT,
	phone_digits  TEXT,                        -- for finding a caller's earlier petitions
	email         TEXT,
	address       TEXT,
	anonymous     INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
	confidential  INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)), -- 行政程序法 §170
	read_back     INTEGER NOT NULL DEFAULT 0 CHECK (read_back IN (0, 1)),    -- oral: read back and confirmed (§169)
	village       TEXT REFERENCES villages(code),
	category      TEXT REFERENCES categories(code),
	subject       TEXT NOT NULL,
	body          TEXT NOT NULL,
	unit          TEXT REFERENCES units(code), -- NULL until the secretariat routes it
	officer_id    INTEGER REFERENCES users(id),
	state         TEXT NOT NULL CHECK (state IN ('received', 'routed', 'assigned', 'replied', 'transferred',
	                                              'not_handled', 'duplicate')),
	received_on   TEXT NOT NULL,               -- office date, YYYY-MM-DD
	received_at   TEXT NOT NULL,               -- UTC timestamp
	days          INTEGER NOT NULL,            -- working days from the rule (petition_rules)
	ext_until     TEXT,                        -- approved extension: the date asked for
	ext_allowed   INTEGER NOT NULL DEFAULT 1,  -- extension requests allowed (an administrator may raise it)
	due_on        TEXT NOT NULL,               -- next_open(ext_until), else received_on + days working days
	reply         TEXT,                        -- what the citizen reads (state replied)
	agency        TEXT,                        -- transferred to (移文)
	transfer_on   TEXT,                        -- date of the transfer letter
	ground        TEXT CHECK (ground IN ('s173_1', 's173_2', 's173_3')), -- not handled: §173 item
	outcome_note  TEXT,
	duplicate_of  INTEGER REFERENCES petitions(id),
	closed_at     TEXT,
	closed_on     TEXT,                        -- office date of closing (on time: closed_on <= due_on)
	rating        INTEGER CHECK (rating BETWEEN 1 AND 5), -- satisfaction (意見調查), once
	rating_note   TEXT,
	rated_at      TEXT,
	created_by    INTEGER REFERENCES users(id) -- NULL: the citizen's web form
);
-- Open items only: the scheduler and the queues never read closed history.
CREATE INDEX petitions_open_due ON petitions(due_on) WHERE state IN ('received', 'routed', 'assigned');
CREATE INDEX petitions_open_unit ON petitions(unit, due_on) WHERE state IN ('received', 'routed', 'assigned');
CREATE INDEX petitions_open_officer ON petitions(officer_id, due_on) WHERE state IN ('received', 'routed', 'assigned');
CREATE INDEX petitions_received ON petitions(received_on);
CREATE INDEX petitions_phone ON petitions(phone_digits) WHERE phone_digits IS NOT NULL;

CREATE TABLE petition_events (
	id          INTEGER PRIMARY KEY,
	petition_id INTEGER NOT NULL REFERENCES petitions(id),
	at          TEXT NOT NULL,
	user_id     INTEGER REFERENCES users(id),
	username    TEXT,
	action      TEXT NOT NULL,                 -- received, routed, assigned, replied, ext_asked, ...
	from_state  TEXT,
	to_state    TEXT NOT NULL,
	note        TEXT
);
CREATE INDEX petition_events_petition ON petition_events(petition_id, id);
CREATE TRIGGER petition_events_no_update BEFORE UPDATE ON petition_events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER petition_events_no_delete BEFORE DELETE ON petition_events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Extension requests (展期): asked by the officer, decided by a head.
CREATE TABLE petition_extensions (
	id          INTEGER PRIMARY KEY,
	petition_id INTEGER NOT NULL REFERENCES petitions(id),
	asked_by    INTEGER REFERENCES users(id),
	asked_at    TEXT NOT NULL,
	old_due     TEXT NOT NULL,
	new_due     TEXT NOT NULL,                 -- the date asked for
	reason      TEXT NOT NULL,
	decision    TEXT CHECK (decision IN ('approved', 'refused')), -- NULL: waiting
	decided_by  INTEGER REFERENCES users(id),
	decided_at  TEXT,
	decision_note TEXT
);
CREATE INDEX petition_extensions_petition ON petition_extensions(petition_id, id);
CREATE UNIQUE INDEX petition_extensions_pending ON petition_extensions(petition_id) WHERE decision IS NULL;

-- Deadline rules: working days by channel and category; '*' matches any.
-- The most specific rule wins: (channel, category), (channel, *),
-- (*, category), (*, *).  These defaults are CONFIGURATION, not law: the
-- office sets its own on /staff/admin/deadlines (documented in
-- docs/deadlines.md).
CREATE TABLE petition_rules (
	id         INTEGER PRIMARY KEY,
	channel    TEXT NOT NULL,
	category   TEXT NOT NULL,
	days       INTEGER NOT NULL CHECK (days BETWEEN 1 AND 120),
	updated_by TEXT,
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (channel, category)
);
INSERT INTO petition_rules (channel, category, days, updated_by) VALUES
	('*', '*', 10, 'default'),          -- every channel without a rule of its own
	('hotline', '*', 6, 'default'),     -- 1999: callers expect a quick answer
	('mayor', '*', 6, 'default'),       -- the mayor's mailbox, forwarded by the city
	('*', 'streetlights', 3, 'default'),-- a dark street is a safety matter
	('*', 'roads', 6, 'default'),
	('*', 'drainage', 6, 'default');

-- Working days before the due date at which an open item counts as near.
INSERT INTO settings (key, value) VALUES ('near_days', '2');

-- Scheduler output.  A flag is raised once per item, tier and "ref" (the
-- due date it was raised against, or the extension request's id), so a
-- rerun -- or a run after a SIGKILL -- adds nothing, while a new due date
-- (an approved extension) warns again.
CREATE TABLE flags (
	id        INTEGER PRIMARY KEY,
	item_kind TEXT NOT NULL CHECK (item_kind IN ('petition', 'case')),
	item_id   INTEGER NOT NULL,
	tier      TEXT NOT NULL CHECK (tier IN ('near', 'due_today', 'overdue', 'extension')),
	ref       TEXT NOT NULL,
	raised_at TEXT NOT NULL,
	UNIQUE (item_kind, item_id, tier, ref)
);

-- One row per person told about a flag; written in the flag's transaction.
CREATE TABLE notifications (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id),
	flag_id    INTEGER NOT NULL REFERENCES flags(id),
	created_at TEXT NOT NULL,
	read_at    TEXT,
	UNIQUE (user_id, flag_id)
);
CREATE INDEX notifications_unread ON notifications(user_id, id) WHERE read_at IS NULL;

-- E-mail copies of notifications (only when smtp_url is set).  At most once:
-- a row is marked 'sending' and committed before the SMTP conversation; one
-- found 'sending' at start-up was interrupted and becomes 'failed' rather
-- than risk a second copy.
CREATE TABLE outbox (
	id              INTEGER PRIMARY KEY,
	notification_id INTEGER NOT NULL UNIQUE REFERENCES notifications(id),
	to_addr         TEXT NOT NULL,
	subject         TEXT NOT NULL,
	body            TEXT NOT NULL,
	state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_at         INTEGER NOT NULL,          -- unix seconds of the next try
	last_error      TEXT,
	sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox(next_at) WHERE state IN ('pending', 'sending');
