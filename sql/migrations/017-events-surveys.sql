-- 017: taking part (issue #18): events with online sign-up and a waiting
-- list, questionnaires, and the e-mails to citizens that wait for a
-- delivery (another issue builds citizen e-mail; until then staff pages
-- show what is queued).
--
-- Times of events are office wall-clock text, 'YYYY-MM-DDTHH:MM' (Asia/
-- Taipei), as staff type them; timestamps of records are UTC as elsewhere.

CREATE TABLE events (
	id           INTEGER PRIMARY KEY,
	unit         TEXT REFERENCES units(code),         -- the unit that runs it; NULL: the whole office
	title_zh     TEXT NOT NULL,
	title_en     TEXT,
	place_zh     TEXT NOT NULL,
	place_en     TEXT,
	body_zh      TEXT NOT NULL DEFAULT '',
	body_en      TEXT,
	starts_at    TEXT NOT NULL,                       -- office time
	ends_at      TEXT NOT NULL,
	signup_from  TEXT NOT NULL,                       -- the sign-up window, office time
	signup_until TEXT NOT NULL,
	capacity     INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 100000), -- places (people)
	waitlist     INTEGER NOT NULL DEFAULT 1 CHECK (waitlist IN (0, 1)),
	ask_phone    INTEGER NOT NULL DEFAULT 1 CHECK (ask_phone IN (0, 1)),
	max_party    INTEGER NOT NULL DEFAULT 1 CHECK (max_party BETWEEN 1 AND 20), -- people one sign-up may bring
	question_zh  TEXT,                                -- the organiser's own question, answered in free text
	question_en  TEXT,
	state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
	created_by   INTEGER REFERENCES users(id),
	created_at   TEXT NOT NULL,
	purged_at    TEXT                                 -- when the sign-ups' personal data was deleted
);
CREATE INDEX events_starts ON events(starts_at);

-- One row per sign-up.  Places are the sum of 'people' over confirmed rows;
-- the waiting list is the waiting rows in id order.  name/phone/email/answer
-- become NULL when the retention period is over (scheduler, 個資法).
CREATE TABLE signups (
	id           INTEGER PRIMARY KEY,
	event_id     INTEGER NOT NULL REFERENCES events(id),
	form_hash    TEXT NOT NULL UNIQUE,                -- the form's one-time token: one sign-up per form
	code_hash    TEXT NOT NULL UNIQUE,                -- keyed hash of the cancel code
	name         TEXT,
	phone        TEXT,
	email        TEXT,
	answer       TEXT,
	people       INTEGER NOT NULL DEFAULT 1 CHECK (people BETWEEN 1 AND 20),
	state        TEXT NOT NULL CHECK (state IN ('confirmed', 'waiting', 'cancelled')),
	attended     INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
	created_at   TEXT NOT NULL,
	promoted_at  TEXT,                                -- moved up from the waiting list
	cancelled_at TEXT
);
CREATE INDEX signups_event ON signups(event_id, state, id);

-- Questionnaires.  spec is the questions as staff wrote them (domain/survey.h
-- parses it); answers refer to a question by its position and to a choice
-- by its index, so a questionnaire is never edited once it has answers.
CREATE TABLE surveys (
	id           INTEGER PRIMARY KEY,
	unit         TEXT REFERENCES units(code),
	title_zh     TEXT NOT NULL,
	title_en     TEXT,
	spec         TEXT NOT NULL,
	event_id     INTEGER REFERENCES events(id),       -- tied to an event: one answer per sign-up code
	service_code TEXT REFERENCES services(code),      -- about a service; neither: the whole office
	state        TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
	created_by   INTEGER REFERENCES users(id),
	created_at   TEXT NOT NULL
);

CREATE TABLE survey_responses (
	id         INTEGER PRIMARY KEY,
	survey_id  INTEGER NOT NULL REFERENCES surveys(id),
	signup_id  INTEGER REFERENCES signups(id),        -- the sign-up code's sign-up (tied surveys)
	form_hash  TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL,
	UNIQUE (survey_id, signup_id)
);

CREATE TABLE survey_answers (
	response_id INTEGER NOT NULL REFERENCES survey_responses(id),
	question    INTEGER NOT NULL,                     -- position, from 1
	choice      INTEGER,                              -- option index from 1, or the 1-5 scale value
	text        TEXT                                  -- free text
);
CREATE INDEX survey_answers_q ON survey_answers(response_id, question);

-- Confirmations and notices for citizens who gave an e-mail address,
-- kept until citizen e-mail delivery exists (the staff event and
-- appointment pages list them).  Deleted with the personal data.
CREATE TABLE citizen_mail (
	id          INTEGER PRIMARY KEY,
	signup_id   INTEGER REFERENCES signups(id),
	booking_id  INTEGER,                              -- bookings (migration 018)
	to_addr     TEXT NOT NULL,
	subject     TEXT NOT NULL,
	body        TEXT NOT NULL,
	created_at  TEXT NOT NULL
);
CREATE INDEX citizen_mail_signup ON citizen_mail(signup_id);
CREATE INDEX citizen_mail_booking ON citizen_mail(booking_id);

-- How long sign-ups' and bookings' personal data is kept after the day (個資法).
INSERT INTO settings (key, value) VALUES ('signup_retention_days', '90');
