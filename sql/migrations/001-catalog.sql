-- 001: the public catalog: units, villages, categories, services and their
-- one-time notice sheets, FAQ, news.  Content is bilingual: *_zh is required,
-- *_en may be NULL where a text exists only in Chinese (the UI says so).

CREATE TABLE units (
	code        TEXT PRIMARY KEY,          -- 'civil', 'social', ...
	name_zh     TEXT NOT NULL UNIQUE,      -- 民政課
	name_en     TEXT NOT NULL,
	duties_zh   TEXT NOT NULL DEFAULT '',
	duties_en   TEXT,
	location_zh TEXT NOT NULL DEFAULT '',  -- 行政大樓 1 樓
	location_en TEXT,
	phone       TEXT NOT NULL DEFAULT '',  -- (07)696-2019
	email       TEXT,
	sort        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE villages (
	code    TEXT PRIMARY KEY,
	name_zh TEXT NOT NULL UNIQUE,
	name_en TEXT NOT NULL,
	sort    INTEGER NOT NULL DEFAULT 0
);

-- Categories group both services and FAQ entries (社會救助, 兵役, ...).
CREATE TABLE categories (
	code    TEXT PRIMARY KEY,
	name_zh TEXT NOT NULL UNIQUE,
	name_en TEXT,
	sort    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE services (
	id              INTEGER PRIMARY KEY,
	code            TEXT NOT NULL UNIQUE,      -- URL slug: 'low-income-cert'
	unit            TEXT NOT NULL REFERENCES units(code),
	category        TEXT NOT NULL REFERENCES categories(code),
	name_zh         TEXT NOT NULL,
	name_en         TEXT,
	summary_zh      TEXT NOT NULL DEFAULT '',
	summary_en      TEXT,
	eligibility_zh  TEXT NOT NULL DEFAULT '',  -- who may apply
	eligibility_en  TEXT,
	fee_zh          TEXT NOT NULL DEFAULT '免費',
	fee_en          TEXT,
	processing_days INTEGER NOT NULL CHECK (processing_days >= 0), -- working days
	immediate       INTEGER NOT NULL DEFAULT 0 CHECK (immediate IN (0, 1)), -- 現場立即取件
	correction_days INTEGER NOT NULL DEFAULT 7 CHECK (correction_days > 0), -- default 補正 deadline
	legal_basis_zh  TEXT NOT NULL DEFAULT '',
	legal_basis_en  TEXT,
	notes_zh        TEXT NOT NULL DEFAULT '',  -- 注意事項
	notes_en        TEXT,
	contact_ext     TEXT NOT NULL DEFAULT '',  -- extension at the unit's phone
	updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	sort            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX services_unit ON services(unit, sort);

-- What to bring (kind 'doc') or to satisfy (kind 'cond'), in order.
CREATE TABLE service_items (
	service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	kind       TEXT NOT NULL DEFAULT 'doc' CHECK (kind IN ('doc', 'cond')),
	text_zh    TEXT NOT NULL,
	text_en    TEXT,
	PRIMARY KEY (service_id, seq)
) WITHOUT ROWID;

CREATE TABLE service_steps (
	service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	text_zh    TEXT NOT NULL,
	text_en    TEXT,
	PRIMARY KEY (service_id, seq)
) WITHOUT ROWID;

-- Downloadable forms: files under static/forms/.
CREATE TABLE service_forms (
	service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	title_zh   TEXT NOT NULL,
	title_en   TEXT,
	file       TEXT NOT NULL,
	PRIMARY KEY (service_id, seq)
) WITHOUT ROWID;

CREATE TABLE faq (
	id          INTEGER PRIMARY KEY,
	slug        TEXT NOT NULL UNIQUE,          -- the corpus 'id'
	unit        TEXT NOT NULL REFERENCES units(code),
	category    TEXT NOT NULL REFERENCES categories(code),
	question_zh TEXT NOT NULL,
	answer_zh   TEXT NOT NULL,                 -- Markdown
	question_en TEXT,
	answer_en   TEXT,
	keywords_zh TEXT NOT NULL DEFAULT '',      -- space-separated
	reviewed_on TEXT NOT NULL,                 -- YYYY-MM-DD
	updated_by  TEXT,
	updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX faq_unit ON faq(unit, category);

CREATE TABLE news (
	id           INTEGER PRIMARY KEY,
	unit         TEXT NOT NULL REFERENCES units(code),
	title_zh     TEXT NOT NULL,
	body_zh      TEXT NOT NULL,                -- Markdown
	title_en     TEXT,
	body_en      TEXT,
	published_at TEXT NOT NULL                 -- ISO 8601 UTC
);
CREATE INDEX news_published ON news(published_at DESC);

-- Content generation: bumped by every change to public content, so web
-- processes can cache rendered public pages and notice when to drop them.
CREATE TABLE content_gen (id INTEGER PRIMARY KEY CHECK (id = 1), gen INTEGER NOT NULL);
INSERT INTO content_gen VALUES (1, 1);
CREATE TRIGGER units_gen_insert AFTER INSERT ON units BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER units_gen_update AFTER UPDATE ON units BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER units_gen_delete AFTER DELETE ON units BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER villages_gen_insert AFTER INSERT ON villages BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER villages_gen_update AFTER UPDATE ON villages BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER villages_gen_delete AFTER DELETE ON villages BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER categories_gen_insert AFTER INSERT ON categories BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER categories_gen_update AFTER UPDATE ON categories BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER categories_gen_delete AFTER DELETE ON categories BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER services_gen_insert AFTER INSERT ON services BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER services_gen_update AFTER UPDATE ON services BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER services_gen_delete AFTER DELETE ON services BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER service_items_gen_insert AFTER INSERT ON service_items BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER service_items_gen_update AFTER UPDATE ON service_items BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER service_items_gen_delete AFTER DELETE ON service_items BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER service_steps_gen_insert AFTER INSERT ON service_steps BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER service_steps_gen_update AFTER UPDATE ON service_steps BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER service_steps_gen_delete AFTER DELETE ON service_steps BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER service_forms_gen_insert AFTER INSERT ON service_forms BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER service_forms_gen_update AFTER UPDATE ON service_forms BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER service_forms_gen_delete AFTER DELETE ON service_forms BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER faq_gen_insert AFTER INSERT ON faq BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER faq_gen_update AFTER UPDATE ON faq BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER faq_gen_delete AFTER DELETE ON faq BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER news_gen_insert AFTER INSERT ON news BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER news_gen_update AFTER UPDATE ON news BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER news_gen_delete AFTER DELETE ON news BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;

-- Installation settings ('demo' = '1' when demo data was loaded).
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
