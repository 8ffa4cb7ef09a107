-- 015: staff keep the catalog in the browser (issue #11): services and their
-- one-time notice sheets with publish/unpublish, a version history and a
-- review date the scheduler watches like the FAQ's (180 days); forms (書表)
-- uploaded as files; news with drafts, expiry and pinning.
--
-- Services: published (unpublished ones leave every public page and the
-- counter's list, cases keep them), reviewed_on (a save is a review), the
-- editor's revision (rev) and who saved last.  The review date starts at
-- the day of the last change.
ALTER TABLE services ADD COLUMN published INTEGER NOT NULL DEFAULT 1 CHECK (published IN (0, 1));
ALTER TABLE services ADD COLUMN reviewed_on TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN updated_by TEXT;
ALTER TABLE services ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;
UPDATE services SET reviewed_on = substr(updated_at, 1, 10);
CREATE INDEX services_reviewed ON services(reviewed_on);

-- Every saved version of a sheet, as the JSON of docs/catalog-format.md's
-- "services" item: who saved it, when, and what they said about it.
CREATE TABLE service_versions (
	service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
	rev        INTEGER NOT NULL,
	sheet      TEXT NOT NULL,
	saved_by   TEXT NOT NULL,
	saved_at   TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (service_id, rev)
) WITHOUT ROWID;

-- Forms (書表): files in the database (backed up with it, never a path on
-- disk), type checked by content on upload.  data is NULL while only the
-- metadata is known (imported from another office's export).
CREATE TABLE forms (
	id         INTEGER PRIMARY KEY,
	code       TEXT NOT NULL UNIQUE,         -- URL slug
	unit       TEXT NOT NULL REFERENCES units(code),
	title_zh   TEXT NOT NULL,
	title_en   TEXT,
	type       TEXT NOT NULL CHECK (type IN ('pdf', 'odt', 'docx')),
	size       INTEGER NOT NULL CHECK (size >= 0),
	sha256     TEXT NOT NULL,
	data       BLOB,
	updated_by TEXT,
	updated_at TEXT NOT NULL
);
CREATE TRIGGER forms_gen_insert AFTER INSERT ON forms BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER forms_gen_update AFTER UPDATE ON forms BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER forms_gen_delete AFTER DELETE ON forms BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;

-- A sheet's form line names an uploaded form (form) or, as before, a file
-- under static/ (file, '' when form is set).
ALTER TABLE service_forms ADD COLUMN form TEXT REFERENCES forms(code);

-- News: a draft is not shown; a published item shows from published_at
-- until expires_at (NULL: for good); pinned items come first.
ALTER TABLE news ADD COLUMN status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published'));
ALTER TABLE news ADD COLUMN expires_at TEXT;
ALTER TABLE news ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));
ALTER TABLE news ADD COLUMN updated_by TEXT;

-- Flags gain item_kind 'service' (a sheet due for review), rebuilt the way
-- 006 did it (see there for why).
PRAGMA defer_foreign_keys = ON; -- until this migration's COMMIT

CREATE TEMP TABLE flags_v14 AS SELECT id, item_kind, item_id, tier, ref, raised_at FROM main.flags;
DROP TABLE main.flags;
CREATE TABLE main.flags (
	id        INTEGER PRIMARY KEY,
	item_kind TEXT NOT NULL CHECK (item_kind IN ('petition', 'case', 'faq', 'service')),
	item_id   INTEGER NOT NULL,
	tier      TEXT NOT NULL CHECK (tier IN ('near', 'due_today', 'overdue', 'extension', 'stale')),
	ref       TEXT NOT NULL,
	raised_at TEXT NOT NULL,
	UNIQUE (item_kind, item_id, tier, ref)
);
INSERT INTO main.flags (id, item_kind, item_id, tier, ref, raised_at)
SELECT id, item_kind, item_id, tier, ref, raised_at FROM temp.flags_v14 ORDER BY id;
DROP TABLE temp.flags_v14;
