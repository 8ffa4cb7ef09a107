-- 006: the scheduler also flags FAQ entries not reviewed for 180 days
-- (FAQ_REVIEW_DAYS in src/store/catalog.h, the same rule as the staff FAQ
-- list and `bianmin admin faq-stale`) to their unit (定期更新, issue #5):
-- flags gain item_kind 'faq' and tier 'stale', whose ref is the entry's
-- reviewed_on, so a new review re-arms the reminder.
--
-- SQLite cannot alter a CHECK constraint, so flags is rebuilt.  This file
-- runs inside store_migrate's transaction with foreign keys ON (notifications
-- reference flags), where PRAGMA foreign_keys=OFF does nothing; the usual
-- "create new, copy, drop, rename" would leave the notifications counted as
-- orphans by the DROP and fail at COMMIT.  So: keep the rows aside, drop
-- flags with foreign key checks deferred to COMMIT, create flags again with
-- the new CHECKs under its own name and put every row back with its id.
-- Each row put back settles the notifications that point to it; one missing
-- would make the COMMIT fail and leave the database at version 5.

PRAGMA defer_foreign_keys = ON; -- until this migration's COMMIT

CREATE TEMP TABLE flags_v5 AS SELECT id, item_kind, item_id, tier, ref, raised_at FROM main.flags;
DROP TABLE main.flags;

-- A flag is raised once per item, tier and "ref": the due date it was raised
-- against, the extension request's id, or (FAQ entries) the review date.
CREATE TABLE main.flags (
	id        INTEGER PRIMARY KEY,
	item_kind TEXT NOT NULL CHECK (item_kind IN ('petition', 'case', 'faq')),
	item_id   INTEGER NOT NULL,
	tier      TEXT NOT NULL CHECK (tier IN ('near', 'due_today', 'overdue', 'extension', 'stale')),
	ref       TEXT NOT NULL,
	raised_at TEXT NOT NULL,
	UNIQUE (item_kind, item_id, tier, ref)
);
INSERT INTO main.flags (id, item_kind, item_id, tier, ref, raised_at)
SELECT id, item_kind, item_id, tier, ref, raised_at FROM temp.flags_v5 ORDER BY id;
DROP TABLE temp.flags_v5;

-- The scheduler reads only the entries past review (faq.reviewed_on < the
-- limit): the cost follows them, not the whole FAQ.
CREATE INDEX faq_reviewed ON faq(reviewed_on);
