-- 028: a lost query code is replaced (issue 12), at the counter or by a
-- one-time link e-mailed to the address on record; and 會辦, a petition
-- handled by several units (petition_co_units, at the end).
--
-- code_links keeps a link's token only as a keyed hash (ids_form_hash);
-- the token itself travels once, in the e-mail's body, which the outbox
-- clears once sent.  A link is good until expires_at (unix seconds) and
-- for one use; following it gives the record a new query code, and the
-- old one stops working.
CREATE TABLE code_links (
	id          INTEGER PRIMARY KEY,
	item_kind   TEXT NOT NULL CHECK (item_kind IN ('petition', 'case')),
	item_id     INTEGER NOT NULL,
	token_hash  TEXT NOT NULL UNIQUE,
	created_at  TEXT NOT NULL,
	expires_at  INTEGER NOT NULL,
	used_at     TEXT
);
CREATE INDEX code_links_item ON code_links(item_kind, item_id);

-- The citizens' outbox gains the message 'code_link'.  SQLite cannot alter
-- a CHECK constraint; nothing points to citizen_outbox, so it is made again
-- beside the old one and the rows move over with their ids.
CREATE TABLE citizen_outbox_v28 (
	id          INTEGER PRIMARY KEY,
	item_kind   TEXT NOT NULL CHECK (item_kind IN ('petition', 'case')),
	item_id     INTEGER NOT NULL,
	msg         TEXT NOT NULL CHECK (msg IN ('receipt', 'correction', 'state', 'reply', 'code_link')),
	ref         TEXT NOT NULL DEFAULT '',      -- which one: the notice's number, the new state, the link's id
	channel     TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
	to_addr     TEXT NOT NULL,
	subject     TEXT NOT NULL,
	body        TEXT NOT NULL,                 -- '' once sent or given up (a receipt holds the query code)
	state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
	attempts    INTEGER NOT NULL DEFAULT 0,
	queued_at   TEXT NOT NULL,
	next_at     INTEGER NOT NULL,              -- unix seconds of the next try
	last_error  TEXT,
	sent_at     TEXT,
	UNIQUE (item_kind, item_id, msg, ref, channel)
);
INSERT INTO citizen_outbox_v28 SELECT id, item_kind, item_id, msg, ref, channel, to_addr, subject, body, state,
       attempts, queued_at, next_at, last_error, sent_at FROM citizen_outbox;
DROP TABLE citizen_outbox;
ALTER TABLE citizen_outbox_v28 RENAME TO citizen_outbox;
CREATE INDEX citizen_outbox_due ON citizen_outbox(next_at) WHERE state IN ('pending', 'sending');

-- 會辦: a petition handled by several units.  The petition's unit leads
-- (petitions.unit); each unit it asks (a row here) records its part; the
-- lead replies, and may do so only once every part is in.
CREATE TABLE petition_co_units (
	petition_id INTEGER NOT NULL REFERENCES petitions(id),
	unit        TEXT NOT NULL REFERENCES units(code),
	asked_at    TEXT NOT NULL,
	asked_by    TEXT,
	part        TEXT,                  -- the unit's part of the answer; NULL until given
	answered_at TEXT,
	answered_by TEXT,
	PRIMARY KEY (petition_id, unit)
) WITHOUT ROWID;
