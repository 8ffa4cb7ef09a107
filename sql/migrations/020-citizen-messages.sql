-- 020: messages to citizens (issue 12): the receipt, correction notices,
-- state changes and the reply, by e-mail (or SMS, for a mobile number
-- alone), in the language the person used.
--
-- The staff outbox (004) is tied to notifications; this one to a petition
-- or a case.  A message is queued in the transaction of the change that
-- causes it and is unique per (item, message, ref, channel), so a retried
-- request never queues it twice.  Delivery is at most once, as the staff
-- outbox's: 'sending' is committed before the SMTP or HTTP conversation,
-- and a row found 'sending' at start-up becomes 'failed', never resent.

ALTER TABLE petitions ADD COLUMN lang TEXT NOT NULL DEFAULT 'zh' CHECK (lang IN ('zh', 'en'));
ALTER TABLE cases ADD COLUMN lang TEXT NOT NULL DEFAULT 'zh' CHECK (lang IN ('zh', 'en'));

CREATE TABLE citizen_outbox (
	id          INTEGER PRIMARY KEY,
	item_kind   TEXT NOT NULL CHECK (item_kind IN ('petition', 'case')),
	item_id     INTEGER NOT NULL,
	msg         TEXT NOT NULL CHECK (msg IN ('receipt', 'correction', 'state', 'reply')),
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
CREATE INDEX citizen_outbox_due ON citizen_outbox(next_at) WHERE state IN ('pending', 'sending');
