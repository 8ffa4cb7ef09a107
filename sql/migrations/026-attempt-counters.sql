-- 026-attempt-counters.sql -- throttles as one counter a key (issue 15).
--
-- A row per attempt made every check count the rows of its window: cheap
-- at 10 a minute, linear in the limit when an office raises it (a lookup
-- behind one shared address scanned hundreds of thousands of rows).  A
-- counter per (kind, key) costs the same at any limit.  The window starts
-- at the first attempt counted and resets once it has passed, so a key
-- gets at most its limit in any window it opens.  The old rows are brakes
-- of the last minutes; they are dropped, not converted.
DROP TABLE attempts;
CREATE TABLE attempts (
	kind  TEXT NOT NULL,     -- 'login', 'lookup', 'petition', 'signup', ...
	key   TEXT NOT NULL,     -- 'addr:IP', 'user:NAME', 'no:NUMBER', or pairs of them
	since INTEGER NOT NULL,  -- unix seconds: the window's first attempt
	n     INTEGER NOT NULL,  -- attempts counted since then
	PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX attempts_since ON attempts(kind, since);
