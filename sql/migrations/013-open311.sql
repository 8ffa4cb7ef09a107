-- 013: the Open311 GeoReport v2 API (issue #13, docs/open311.md): partner
-- API keys, which petition categories the API offers as "services" and
-- what each asks, a petition's place (lat/long, the address of the place)
-- and the petitioner's consent to publish the description, and what an
-- API request carried beyond the petition itself.
--
-- Petitions gain the channel 'open311'.  SQLite cannot alter a CHECK
-- constraint, so petitions is rebuilt the way 006 rebuilt flags: this runs
-- inside store_migrate's transaction with foreign keys ON (events,
-- extensions and duplicates point to petitions), so the rows are kept
-- aside, the table dropped with foreign key checks deferred to COMMIT,
-- created again under its own name and every row put back with its id.

PRAGMA defer_foreign_keys = ON; -- until this migration's COMMIT

-- The rebuild below knows petitions as 004 and 009 made it (39 columns, 5
-- indexes and 009's form_hash index, no triggers).  Should an earlier
-- migration have changed that, stop here rather than drop what it added:
-- update this file to carry it over.
CREATE TEMP TABLE petitions_shape_v12 (
	columns INTEGER CHECK (columns = 39),
	objects INTEGER CHECK (objects = 8)  -- the table, its UNIQUE index, 5 indexes and form_hash's
);
INSERT INTO temp.petitions_shape_v12
SELECT (SELECT count(*) FROM pragma_table_info('petitions')),
       (SELECT count(*) FROM main.sqlite_master WHERE tbl_name = 'petitions');
DROP TABLE temp.petitions_shape_v12;

CREATE TEMP TABLE petitions_v12 AS SELECT * FROM main.petitions;
DROP TABLE main.petitions;

CREATE TABLE main.petitions (
	id            INTEGER PRIMARY KEY,
	petition_no   TEXT NOT NULL UNIQUE,        -- P1150213-0003
	code_hash     TEXT NOT NULL,               -- argon2id of the query code
	channel       TEXT NOT NULL CHECK (channel IN ('web', 'counter', 'hotline', 'mayor', 'chief', 'mailbox',
	                                                'suggestion', 'letter', 'email', 'fax', 'open311')),
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
	created_by    INTEGER REFERENCES users(id), -- NULL: the citizen's web form or the API
	form_hash     TEXT,                        -- 009: the one-time form token's hash
	-- new in 013: the place the petition is about (not the petitioner's
	-- address), and whether the petitioner agreed to publish the description
	-- and photo (off unless asked and given)
	place         TEXT,
	lat           REAL CHECK (lat BETWEEN -90 AND 90),
	lon           REAL CHECK (lon BETWEEN -180 AND 180),
	publish       INTEGER NOT NULL DEFAULT 0 CHECK (publish IN (0, 1))
);
INSERT INTO main.petitions (id, petition_no, code_hash, channel, ext_ref, name, phone, phone_digits, email, address,
	anonymous, confidential, read_back, village, category, subject, body, unit, officer_id, state, received_on,
	received_at, days, ext_until, ext_allowed, due_on, reply, agency, transfer_on, ground, outcome_note,
	duplicate_of, closed_at, closed_on, rating, rating_note, rated_at, created_by, form_hash)
SELECT id, petition_no, code_hash, channel, ext_ref, name, phone, phone_digits, email, address,
	anonymous, confidential, read_back, village, category, subject, body, unit, officer_id, state, received_on,
	received_at, days, ext_until, ext_allowed, due_on, reply, agency, transfer_on, ground, outcome_note,
	duplicate_of, closed_at, closed_on, rating, rating_note, rated_at, created_by, form_hash
FROM temp.petitions_v12 ORDER BY id;
DROP TABLE temp.petitions_v12;

CREATE INDEX petitions_open_due ON petitions(due_on) WHERE state IN ('received', 'routed', 'assigned');
CREATE INDEX petitions_open_unit ON petitions(unit, due_on) WHERE state IN ('received', 'routed', 'assigned');
CREATE INDEX petitions_open_officer ON petitions(officer_id, due_on) WHERE state IN ('received', 'routed', 'assigned');
CREATE INDEX petitions_received ON petitions(received_on);
CREATE INDEX petitions_phone ON petitions(phone_digits) WHERE phone_digits IS NOT NULL;
CREATE UNIQUE INDEX petitions_form_hash ON petitions (form_hash) WHERE form_hash IS NOT NULL;
-- GET requests reads a window of requested_datetime, newest first
CREATE INDEX petitions_received_at ON petitions(received_at);

-- Partner keys.  The key itself is shown once by `bianmin admin api-key add`
-- and never stored: key_hash is its BLAKE2b-256 (libsodium generichash) in
-- hex; keys are 256 random bits, so a fast hash is enough.
CREATE TABLE api_keys (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL UNIQUE,         -- the partner, as the audit log names it
	key_hash     TEXT NOT NULL UNIQUE,
	rate_per_min INTEGER NOT NULL DEFAULT 30 CHECK (rate_per_min BETWEEN 1 AND 10000), -- POST requests a minute
	created_at   TEXT NOT NULL,
	revoked_at   TEXT                          -- NULL: in use
);

-- The categories the API offers as services (GET services): those about a
-- place or a thing.  A category without a row here is not in the API.
CREATE TABLE open311_services (
	category       TEXT PRIMARY KEY REFERENCES categories(code),
	description_zh TEXT NOT NULL DEFAULT '',
	description_en TEXT,
	keywords       TEXT NOT NULL DEFAULT '',   -- comma-separated, as the spec's keywords
	grp            TEXT NOT NULL DEFAULT '',   -- the spec's "group"
	notice_zh      TEXT NOT NULL DEFAULT '',   -- service_notice
	notice_en      TEXT
);

-- What a service asks beyond the spec's own fields (the service
-- definition's attributes).  The consent attribute "publish" is not stored:
-- every service has it (src/handlers/open311.c).
CREATE TABLE open311_attributes (
	id             INTEGER PRIMARY KEY,
	category       TEXT NOT NULL REFERENCES open311_services(category),
	code           TEXT NOT NULL CHECK (code GLOB '[A-Za-z0-9_]*' AND length(code) BETWEEN 1 AND 32),
	datatype       TEXT NOT NULL CHECK (datatype IN ('string', 'number', 'datetime', 'text', 'singlevaluelist',
	                                                 'multivaluelist')),
	required       INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
	description_zh TEXT NOT NULL,
	description_en TEXT,
	sort           INTEGER NOT NULL DEFAULT 0,
	UNIQUE (category, code)
);
CREATE TABLE open311_attribute_values (
	attribute_id INTEGER NOT NULL REFERENCES open311_attributes(id),
	key          TEXT NOT NULL,
	name_zh      TEXT NOT NULL,
	name_en      TEXT,
	sort         INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (attribute_id, key)
);

-- What a POST requests carried beyond the petition: which key sent it
-- and the partner's own references.  attributes is a JSON object
-- {code: value or [values]}; media_url is kept as text (not fetched).
CREATE TABLE open311_requests (
	petition_id INTEGER PRIMARY KEY REFERENCES petitions(id),
	api_key     TEXT NOT NULL,                 -- api_keys.name
	address_id  TEXT,
	device_id   TEXT,
	account_id  TEXT,
	media_url   TEXT,
	attributes  TEXT NOT NULL DEFAULT '{}'
);
