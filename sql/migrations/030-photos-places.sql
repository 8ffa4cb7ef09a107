-- 030: photos and places on petitions, and the village officers' field
-- reports (issue #13).
--
-- Places need no new column: 013 gave petitions the place they are about
-- (place: its address; lat/lon: WGS84), 004 the village, and the consent
-- to publish (publish) that now covers the photos too.  The web form,
-- staff intake, the field report and the Open311 API all write those.
--
-- Petitions gain the channel 'field' (a village officer's field report,
-- 里幹事 隨時查報).  SQLite cannot alter a CHECK constraint, so petitions
-- is rebuilt as 013 rebuilt it: inside store_migrate's transaction with
-- foreign keys ON, checks deferred to COMMIT, every row put back with its
-- id.

PRAGMA defer_foreign_keys = ON; -- until this migration's COMMIT

-- The rebuild knows petitions as 013 and 020 left it (44 columns; the
-- table, its UNIQUE index and 7 indexes; no triggers).  Should a migration
-- in between have changed that, stop here rather than drop what it added:
-- update this file to carry it over.
CREATE TEMP TABLE petitions_shape_v29 (
	columns INTEGER CHECK (columns = 44),
	objects INTEGER CHECK (objects = 9)
);
INSERT INTO temp.petitions_shape_v29
SELECT (SELECT count(*) FROM pragma_table_info('petitions')),
       (SELECT count(*) FROM main.sqlite_master WHERE tbl_name = 'petitions');
DROP TABLE temp.petitions_shape_v29;

CREATE TEMP TABLE petitions_v29 AS SELECT * FROM main.petitions;
DROP TABLE main.petitions;

CREATE TABLE main.petitions (
	id            INTEGER PRIMARY KEY,
	petition_no   TEXT NOT NULL UNIQUE,        -- P1150213-0003
	code_hash     TEXT NOT NULL,               -- argon2id of the query code
	channel       TEXT NOT NULL CHECK (channel IN ('web', 'counter', 'hotline', 'mayor', 'chief', 'mailbox',
	                                                'suggestion', 'letter', 'email', 'fax', 'open311', 'field')),
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
	publish       INTEGER NOT NULL DEFAULT 0 CHECK (publish IN (0, 1)),
	lang          TEXT NOT NULL DEFAULT 'zh' CHECK (lang IN ('zh', 'en')) -- 020: the petitioner's language
);
INSERT INTO main.petitions (id, petition_no, code_hash, channel, ext_ref, name, phone, phone_digits, email, address,
	anonymous, confidential, read_back, village, category, subject, body, unit, officer_id, state, received_on,
	received_at, days, ext_until, ext_allowed, due_on, reply, agency, transfer_on, ground, outcome_note,
	duplicate_of, closed_at, closed_on, rating, rating_note, rated_at, created_by, form_hash, place, lat, lon,
	publish, lang)
SELECT id, petition_no, code_hash, channel, ext_ref, name, phone, phone_digits, email, address,
	anonymous, confidential, read_back, village, category, subject, body, unit, officer_id, state, received_on,
	received_at, days, ext_until, ext_allowed, due_on, reply, agency, transfer_on, ground, outcome_note,
	duplicate_of, closed_at, closed_on, rating, rating_note, rated_at, created_by, form_hash, place, lat, lon,
	publish, lang
FROM temp.petitions_v29 ORDER BY id;
DROP TABLE temp.petitions_v29;

CREATE INDEX petitions_open_due ON petitions(due_on) WHERE state IN ('received', 'routed', 'assigned');
CREATE INDEX petitions_open_unit ON petitions(unit, due_on) WHERE state IN ('received', 'routed', 'assigned');
CREATE INDEX petitions_open_officer ON petitions(officer_id, due_on) WHERE state IN ('received', 'routed', 'assigned');
CREATE INDEX petitions_received ON petitions(received_on);
CREATE INDEX petitions_phone ON petitions(phone_digits) WHERE phone_digits IS NOT NULL;
CREATE UNIQUE INDEX petitions_form_hash ON petitions (form_hash) WHERE form_hash IS NOT NULL;
CREATE INDEX petitions_received_at ON petitions(received_at);

-- A petition's photos (at most 3), as BLOBs in this database rather than
-- files beside it: a photo is written in the petition's own transaction
-- (a refused or failed form leaves nothing behind, a crash no orphan file
-- nor a record pointing at a missing one), the online backup and the
-- restore drill carry them with everything else, and no path is ever made
-- from input.  What is kept is our own re-encoding (src/domain/photo.c):
-- the sender's file, its EXIF and GPS position, is never stored.
CREATE TABLE petition_photos (
	id          INTEGER PRIMARY KEY,
	petition_id INTEGER NOT NULL REFERENCES petitions(id),
	seq         INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 3), -- the order sent: /photos/1 ...
	mime        TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
	width       INTEGER NOT NULL,
	height      INTEGER NOT NULL,
	data        BLOB NOT NULL,                 -- at most 2048 px on its longer side
	thumb       BLOB NOT NULL,                 -- at most 320 px
	UNIQUE (petition_id, seq)
);
