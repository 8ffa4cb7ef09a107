-- 029: sign-ups' and bookings' e-mails go through the citizens' outbox
-- (020), which the scheduler delivers with retries, instead of the table
-- citizen_mail (017), which nothing ever sent.
--
-- citizen_outbox gains two kinds of record, a sign-up and a booking, and
-- their messages: a sign-up confirmed ('signup'), put on the waiting list
-- ('waitlist'), given a place from it ('promoted'), a booking confirmed
-- ('booking'), and 'notice' for the mails carried over from citizen_mail.
-- SQLite cannot alter a CHECK constraint, so the table is rebuilt under its
-- own name with every row and its id (nothing references it).
--
-- The carried-over mails were told to staff as "go out once delivery is
-- switched on": those of events that have not ended and bookings from
-- today on are queued now; the rest would arrive after the fact and are
-- dropped with the table.

CREATE TABLE citizen_outbox_v29 (
	id          INTEGER PRIMARY KEY,
	item_kind   TEXT NOT NULL CHECK (item_kind IN ('petition', 'case', 'signup', 'booking')),
	item_id     INTEGER NOT NULL,
	msg         TEXT NOT NULL CHECK (msg IN ('receipt', 'correction', 'state', 'reply',
	                                         'code_link', 'signup', 'waitlist', 'promoted', 'booking', 'notice')),
	ref         TEXT NOT NULL DEFAULT '',      -- which one: the notice's number, the new state
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
INSERT INTO citizen_outbox_v29 SELECT * FROM citizen_outbox ORDER BY id;
DROP TABLE citizen_outbox;
ALTER TABLE citizen_outbox_v29 RENAME TO citizen_outbox;
CREATE INDEX citizen_outbox_due ON citizen_outbox(next_at) WHERE state IN ('pending', 'sending');

INSERT INTO citizen_outbox (item_kind, item_id, msg, ref, channel, to_addr, subject, body, queued_at, next_at)
SELECT CASE WHEN m.signup_id IS NOT NULL THEN 'signup' ELSE 'booking' END,
       coalesce(m.signup_id, m.booking_id), 'notice', CAST(m.id AS TEXT), 'email', m.to_addr, m.subject, m.body,
       m.created_at, CAST(strftime('%s', 'now') AS INTEGER)
FROM citizen_mail m
LEFT JOIN signups s ON s.id = m.signup_id
LEFT JOIN events e ON e.id = s.event_id
LEFT JOIN bookings b ON b.id = m.booking_id
WHERE (e.id IS NOT NULL AND e.purged_at IS NULL AND e.ends_at >= strftime('%Y-%m-%dT%H:%M', 'now', '+8 hours'))
   OR (b.id IS NOT NULL AND b.purged_at IS NULL AND b.day >= strftime('%Y-%m-%d', 'now', '+8 hours'))
ORDER BY m.id;

DROP TABLE citizen_mail;
