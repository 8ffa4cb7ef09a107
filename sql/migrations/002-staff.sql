-- 002: staff accounts, sessions, throttling, the audit log, and the office
-- calendar (imported official days plus local closures).

CREATE TABLE users (
	id           INTEGER PRIMARY KEY,
	username     TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL,
	role         TEXT NOT NULL CHECK (role IN ('counter', 'hotline', 'officer', 'head', 'admin')),
	unit         TEXT REFERENCES units(code),  -- NULL: office-wide
	phone        TEXT NOT NULL DEFAULT '',
	email        TEXT,
	pw_hash      TEXT NOT NULL,               -- argon2id (libsodium crypto_pwhash_str)
	active       INTEGER NOT NULL DEFAULT 1,
	created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Server-side sessions.  The cookie holds a random token; only its hash is kept.
CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf       TEXT NOT NULL,
	created_at INTEGER NOT NULL,               -- unix seconds
	last_seen  INTEGER NOT NULL,
	ip         TEXT
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed logins and status lookups, per key ('user:NAME', 'addr:IP', 'case:NO').
CREATE TABLE attempts (
	kind TEXT NOT NULL,                        -- 'login', 'lookup'
	key  TEXT NOT NULL,
	at   INTEGER NOT NULL                      -- unix seconds
);
CREATE INDEX attempts_key ON attempts(kind, key, at);

-- Append-only audit log: logins, every change, every full view of personal data.
CREATE TABLE audit (
	id       INTEGER PRIMARY KEY,
	at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	user_id  INTEGER,
	username TEXT,
	action   TEXT NOT NULL,                    -- 'login', 'login_failed', 'case_create', 'reveal', ...
	object   TEXT,                             -- 'case:A1151126-0001'
	detail   TEXT,
	ip       TEXT
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

-- The official calendar, one row per day of each imported year.
CREATE TABLE calendar_days (
	day  TEXT PRIMARY KEY,                     -- YYYY-MM-DD
	open INTEGER NOT NULL CHECK (open IN (0, 1)),
	note TEXT
) WITHOUT ROWID;

-- Local closures (typhoon days) entered by an administrator.
CREATE TABLE closures (
	day        TEXT PRIMARY KEY,
	reason     TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID;

-- Bumped on every calendar change so processes can rebuild their copy.
CREATE TABLE calendar_gen (id INTEGER PRIMARY KEY CHECK (id = 1), gen INTEGER NOT NULL);
INSERT INTO calendar_gen VALUES (1, 1);
CREATE TRIGGER calendar_days_gen AFTER INSERT ON calendar_days BEGIN UPDATE calendar_gen SET gen = gen + 1; END;
CREATE TRIGGER calendar_days_gen_u AFTER UPDATE ON calendar_days BEGIN UPDATE calendar_gen SET gen = gen + 1; END;
CREATE TRIGGER closures_gen AFTER INSERT ON closures BEGIN UPDATE calendar_gen SET gen = gen + 1; END;
CREATE TRIGGER closures_gen_d AFTER DELETE ON closures BEGIN UPDATE calendar_gen SET gen = gen + 1; END;
