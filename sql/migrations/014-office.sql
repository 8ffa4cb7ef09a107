-- 014: day one at a real office (issue #11, first half): the office's
-- settings, units, villages with their officers and pages, petition
-- categories with a default unit, and staff accounts, all editable
-- without SQL.
--
-- users.role gains 'village' (里幹事), who edits only their own villages'
-- pages.  SQLite cannot alter a CHECK constraint, so users is rebuilt the
-- way 006 rebuilt flags and 013 petitions: this runs inside
-- store_migrate's transaction with foreign keys ON, so the rows are kept
-- aside, the table dropped with foreign key checks deferred to COMMIT,
-- created again under its own name and every row put back with its id.
-- The DROP's implicit DELETE cascades to sessions (ON DELETE CASCADE), so
-- they are kept aside too and put back: nobody is signed out by the
-- upgrade.

PRAGMA defer_foreign_keys = ON; -- until this migration's COMMIT

-- The rebuild knows users as 002 made it (10 columns, its UNIQUE index, no
-- triggers or indexes of its own).  Stop rather than drop what a later
-- change added: update this file to carry it over.
CREATE TEMP TABLE users_shape_v13 (
	columns INTEGER CHECK (columns = 10),
	objects INTEGER CHECK (objects = 2)
);
INSERT INTO temp.users_shape_v13
SELECT (SELECT count(*) FROM pragma_table_info('users')),
       (SELECT count(*) FROM main.sqlite_master WHERE tbl_name = 'users');
DROP TABLE temp.users_shape_v13;

CREATE TEMP TABLE users_v13 AS SELECT * FROM main.users;
CREATE TEMP TABLE sessions_v13 AS SELECT * FROM main.sessions;
DROP TABLE main.users;

CREATE TABLE main.users (
	id           INTEGER PRIMARY KEY,
	username     TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL,
	role         TEXT NOT NULL CHECK (role IN ('counter', 'hotline', 'officer', 'head', 'admin', 'village')),
	unit         TEXT REFERENCES units(code),  -- NULL: office-wide; officers and heads always have one (014)
	phone        TEXT NOT NULL DEFAULT '',
	email        TEXT,                         -- where notifications are sent
	pw_hash      TEXT NOT NULL,                -- argon2id (libsodium crypto_pwhash_str)
	active       INTEGER NOT NULL DEFAULT 1,
	created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO main.users (id, username, display_name, role, unit, phone, email, pw_hash, active, created_at)
SELECT id, username, display_name, role, unit, phone, email, pw_hash, active, created_at FROM temp.users_v13 ORDER BY id;
INSERT INTO main.sessions SELECT * FROM temp.sessions_v13;
DROP TABLE temp.users_v13;
DROP TABLE temp.sessions_v13;

-- 里幹事: which villages a village officer keeps.
CREATE TABLE village_officers (
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	village TEXT NOT NULL REFERENCES villages(code),
	PRIMARY KEY (user_id, village)
) WITHOUT ROWID;
CREATE INDEX village_officers_village ON village_officers(village);

-- Villages: the 里長's and the 里幹事's contacts, where and when the
-- village office is open.
ALTER TABLE villages ADD COLUMN chief_name TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN chief_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN officer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN officer_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN office_zh TEXT NOT NULL DEFAULT '';   -- 里辦公處 address
ALTER TABLE villages ADD COLUMN office_en TEXT;
ALTER TABLE villages ADD COLUMN hours_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE villages ADD COLUMN hours_en TEXT;

-- A village's news and events (里政資訊), kept by its officers.
CREATE TABLE village_posts (
	id         INTEGER PRIMARY KEY,
	village    TEXT NOT NULL REFERENCES villages(code),
	title_zh   TEXT NOT NULL,
	body_zh    TEXT NOT NULL,                  -- Markdown
	title_en   TEXT,
	body_en    TEXT,
	event_on   TEXT,                           -- YYYY-MM-DD for an event; NULL for news
	created_by TEXT NOT NULL,                  -- username
	created_at TEXT NOT NULL
);
CREATE INDEX village_posts_village ON village_posts(village, created_at DESC);
CREATE TRIGGER village_posts_gen_insert AFTER INSERT ON village_posts BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER village_posts_gen_update AFTER UPDATE ON village_posts BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER village_posts_gen_delete AFTER DELETE ON village_posts BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;

-- Petition categories: the unit the routing desk is offered first.
ALTER TABLE categories ADD COLUMN default_unit TEXT REFERENCES units(code);

-- Settings: the office's name, address, phone and hours appear on every
-- public page, so a change drops the cached pages (content_gen).
CREATE TRIGGER settings_gen_insert AFTER INSERT ON settings BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER settings_gen_update AFTER UPDATE ON settings BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER settings_gen_delete AFTER DELETE ON settings BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
-- 003's placeholder address is not the office's: unset, so staff pages warn until it is set.
DELETE FROM settings WHERE key = 'public_url' AND value = 'http://127.0.0.1:8080';

-- Admin forms: one form, one change.  The hash of a form's one-time token
-- and where its receipt is, so the same form posted again (a double click,
-- a refresh of the POST) changes nothing and lands on the same receipt.
CREATE TABLE admin_forms (
	form_hash TEXT PRIMARY KEY,
	receipt   TEXT NOT NULL,                   -- local address of the page the POST answered with
	at        TEXT NOT NULL
) WITHOUT ROWID;

-- "Send a test e-mail": the settings page asks, the scheduler sends with
-- the same SMTP settings as every notification and records how it went.
CREATE TABLE mail_tests (
	id           INTEGER PRIMARY KEY,
	to_addr      TEXT NOT NULL,
	requested_by TEXT NOT NULL,                -- username
	requested_at TEXT NOT NULL,
	state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
	result       TEXT,                         -- the SMTP error when failed
	done_at      TEXT
);
CREATE INDEX mail_tests_pending ON mail_tests(id) WHERE state = 'pending';
