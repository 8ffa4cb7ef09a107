-- 005: search over FAQ entries, services (their notice sheets) and news, in
-- Chinese and English, plus the synonym table the query builder uses.
--
-- One FTS5 table with the "cjk" tokenizer (src/domain/cjk.h; registered on
-- every connection by store_open, so this file and every write to the
-- content tables need a bianmin connection, not the sqlite3 shell).  One row
-- per item and language; an item without an English title has no English
-- row (English visitors still find its Chinese row).  Rows have fixed
-- rowids, so triggers replace one item's rows by rowid, never by a scan:
--
--     rowid = kind * 2^32 + id * 2 + (0 for zh, 1 for en)
--     kind 1 = faq (faq.id), 2 = service (services.id), 3 = news (news.id)
--
-- title, keywords and body are searched (bm25 weights 10, 5, 1 in
-- src/store/search.c); body is the Markdown source: the tokenizer reads
-- Markdown punctuation as separators, and the search code strips it before
-- making snippets.  The other columns are stored, not indexed.
--
-- Triggers on the content tables keep the index in step inside the same
-- transaction as the change: faq, services, service_items, news, and the
-- names of categories and units shown with the results.

CREATE VIRTUAL TABLE search_index USING fts5(
	title,              -- FAQ question, service name, news title
	keywords,           -- FAQ keywords, category name
	body,               -- answer / notice-sheet text / news body (Markdown)
	kind UNINDEXED,     -- 'faq', 'service', 'news'
	ref UNINDEXED,      -- FAQ slug, service code, news id: the page's address
	lang UNINDEXED,     -- 'zh' or 'en'
	meta UNINDEXED,     -- shown with the hit: category, unit name or date
	tokenize = 'cjk'
);

-- FAQ revisions for the staff editor: a save names the revision it edited
-- and is refused when someone saved in between (faq_edit.c).  Writers that
-- do not bump it themselves (the JSON import) get it bumped here.
ALTER TABLE faq ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER faq_rev_bump AFTER UPDATE ON faq WHEN new.rev = old.rev BEGIN
	UPDATE faq SET rev = old.rev + 1 WHERE id = new.id;
END;

-- Each token's document count, for ranking (src/store/search.c rank_spec).
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, row);

-- What each item contributes to the index, one row per language.  src_id is
-- the content row's id; the triggers select from these views by it.
CREATE VIEW search_src_faq AS
SELECT 4294967296 + f.id * 2 AS rid, f.id AS src_id,
       f.question_zh AS title, trim(f.keywords_zh || ' ' || c.name_zh) AS keywords, f.answer_zh AS body,
       'faq' AS kind, f.slug AS ref, 'zh' AS lang, c.name_zh AS meta
  FROM faq f JOIN categories c ON c.code = f.category
UNION ALL
SELECT 4294967296 + f.id * 2 + 1, f.id,
       f.question_en, coalesce(c.name_en, ''), coalesce(f.answer_en, ''),
       'faq', f.slug, 'en', coalesce(c.name_en, c.name_zh)
  FROM faq f JOIN categories c ON c.code = f.category
 WHERE coalesce(f.question_en, '') <> '';

CREATE VIEW search_src_service AS
SELECT 8589934592 + s.id * 2 AS rid, s.id AS src_id,
       s.name_zh AS title, c.name_zh AS keywords,
       s.summary_zh || char(10) || s.eligibility_zh || char(10) ||
       coalesce((SELECT group_concat(i.text_zh, '；') FROM service_items i WHERE i.service_id = s.id), '') ||
       char(10) || s.notes_zh AS body,
       'service' AS kind, s.code AS ref, 'zh' AS lang, u.name_zh AS meta
  FROM services s JOIN categories c ON c.code = s.category JOIN units u ON u.code = s.unit
UNION ALL
SELECT 8589934592 + s.id * 2 + 1, s.id,
       s.name_en, coalesce(c.name_en, ''),
       coalesce(s.summary_en, '') || char(10) || coalesce(s.eligibility_en, '') || char(10) ||
       coalesce((SELECT group_concat(i.text_en, '; ') FROM service_items i WHERE i.service_id = s.id), '') ||
       char(10) || coalesce(s.notes_en, ''),
       'service', s.code, 'en', u.name_en
  FROM services s JOIN categories c ON c.code = s.category JOIN units u ON u.code = s.unit
 WHERE coalesce(s.name_en, '') <> '';

CREATE VIEW search_src_news AS
SELECT 12884901888 + n.id * 2 AS rid, n.id AS src_id,
       n.title_zh AS title, '' AS keywords, n.body_zh AS body,
       'news' AS kind, CAST(n.id AS TEXT) AS ref, 'zh' AS lang, substr(n.published_at, 1, 10) AS meta
  FROM news n
UNION ALL
SELECT 12884901888 + n.id * 2 + 1, n.id,
       n.title_en, '', coalesce(n.body_en, ''),
       'news', CAST(n.id AS TEXT), 'en', substr(n.published_at, 1, 10)
  FROM news n
 WHERE coalesce(n.title_en, '') <> '';

-- ---- triggers: FAQ ----
CREATE TRIGGER search_faq_ai AFTER INSERT ON faq BEGIN
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_faq WHERE src_id = new.id;
END;
CREATE TRIGGER search_faq_au AFTER UPDATE ON faq BEGIN
	DELETE FROM search_index WHERE rowid = 4294967296 + old.id * 2;
	DELETE FROM search_index WHERE rowid = 4294967296 + old.id * 2 + 1;
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_faq WHERE src_id = new.id;
END;
CREATE TRIGGER search_faq_ad AFTER DELETE ON faq BEGIN
	DELETE FROM search_index WHERE rowid = 4294967296 + old.id * 2;
	DELETE FROM search_index WHERE rowid = 4294967296 + old.id * 2 + 1;
END;

-- ---- triggers: services and their required items ----
CREATE TRIGGER search_service_ai AFTER INSERT ON services BEGIN
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_service WHERE src_id = new.id;
END;
CREATE TRIGGER search_service_au AFTER UPDATE ON services BEGIN
	DELETE FROM search_index WHERE rowid = 8589934592 + old.id * 2;
	DELETE FROM search_index WHERE rowid = 8589934592 + old.id * 2 + 1;
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_service WHERE src_id = new.id;
END;
CREATE TRIGGER search_service_ad AFTER DELETE ON services BEGIN
	DELETE FROM search_index WHERE rowid = 8589934592 + old.id * 2;
	DELETE FROM search_index WHERE rowid = 8589934592 + old.id * 2 + 1;
END;
CREATE TRIGGER search_service_item_ai AFTER INSERT ON service_items BEGIN
	DELETE FROM search_index WHERE rowid = 8589934592 + new.service_id * 2;
	DELETE FROM search_index WHERE rowid = 8589934592 + new.service_id * 2 + 1;
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_service WHERE src_id = new.service_id;
END;
CREATE TRIGGER search_service_item_au AFTER UPDATE ON service_items BEGIN
	DELETE FROM search_index WHERE rowid = 8589934592 + old.service_id * 2;
	DELETE FROM search_index WHERE rowid = 8589934592 + old.service_id * 2 + 1;
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_service WHERE src_id = old.service_id;
	DELETE FROM search_index WHERE new.service_id <> old.service_id AND rowid = 8589934592 + new.service_id * 2;
	DELETE FROM search_index WHERE new.service_id <> old.service_id AND rowid = 8589934592 + new.service_id * 2 + 1;
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_service
	 WHERE new.service_id <> old.service_id AND src_id = new.service_id;
END;
CREATE TRIGGER search_service_item_ad AFTER DELETE ON service_items BEGIN
	DELETE FROM search_index WHERE rowid = 8589934592 + old.service_id * 2;
	DELETE FROM search_index WHERE rowid = 8589934592 + old.service_id * 2 + 1;
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_service WHERE src_id = old.service_id;
END;

-- ---- triggers: news ----
CREATE TRIGGER search_news_ai AFTER INSERT ON news BEGIN
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_news WHERE src_id = new.id;
END;
CREATE TRIGGER search_news_au AFTER UPDATE ON news BEGIN
	DELETE FROM search_index WHERE rowid = 12884901888 + old.id * 2;
	DELETE FROM search_index WHERE rowid = 12884901888 + old.id * 2 + 1;
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_news WHERE src_id = new.id;
END;
CREATE TRIGGER search_news_ad AFTER DELETE ON news BEGIN
	DELETE FROM search_index WHERE rowid = 12884901888 + old.id * 2;
	DELETE FROM search_index WHERE rowid = 12884901888 + old.id * 2 + 1;
END;

-- ---- triggers: names shown with hits (rare changes: rebuild the affected rows) ----
CREATE TRIGGER search_category_au AFTER UPDATE OF name_zh, name_en ON categories BEGIN
	DELETE FROM search_index WHERE rowid IN (SELECT rid FROM search_src_faq WHERE src_id IN
		(SELECT id FROM faq WHERE category = new.code));
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_faq
	 WHERE src_id IN (SELECT id FROM faq WHERE category = new.code);
	DELETE FROM search_index WHERE rowid IN (SELECT 8589934592 + id * 2 FROM services WHERE category = new.code
		UNION ALL SELECT 8589934592 + id * 2 + 1 FROM services WHERE category = new.code);
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_service
	 WHERE src_id IN (SELECT id FROM services WHERE category = new.code);
END;
CREATE TRIGGER search_unit_au AFTER UPDATE OF name_zh, name_en ON units BEGIN
	DELETE FROM search_index WHERE rowid IN (SELECT 8589934592 + id * 2 FROM services WHERE unit = new.code
		UNION ALL SELECT 8589934592 + id * 2 + 1 FROM services WHERE unit = new.code);
	INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
	SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_service
	 WHERE src_id IN (SELECT id FROM services WHERE unit = new.code);
END;

-- The rows that exist already (a database made before this migration).
INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_faq;
INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_service;
INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_news;

-- Synonyms: each row one group of interchangeable words, variants separated
-- by '|' ('身分證|身份證'; an English variant may have several words:
-- 'street light|streetlight').  The query builder replaces any variant found
-- in a query by all of the group's variants.  Edited by administrators at
-- /staff/admin/synonyms.  Variant characters (臺/台) and simplified forms
-- (户/戶) need no row here: the tokenizer folds them.
CREATE TABLE search_synonyms (
	id         INTEGER PRIMARY KEY,
	variants   TEXT NOT NULL UNIQUE,
	created_by TEXT NOT NULL DEFAULT 'migration',
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
INSERT INTO search_synonyms (variants) VALUES
	('身分證|身份證|國民身分證'),
	('敬老卡|敬老愛心卡|老人乘車證'),
	('低收|低收入戶'),
	('中低收|中低收入戶'),
	('路燈|街燈'),
	('調解|和解'),
	('土葬|埋葬'),
	('兵役|當兵|服役'),
	('緩徵|緩征'),
	('身障|身心障礙'),
	('納骨塔|靈骨塔'),
	('遷葬|撿骨|起掘'),
	('水溝|側溝|排水溝'),
	('坑洞|路面破損'),
	('敬老金|重陽禮金|重陽敬老禮金'),
	('國保|國民年金'),
	('健保|全民健保'),
	('急難救助|馬上關懷'),
	('陳情|投訴|申訴'),
	('id card|identity card|national id'),
	('senior card|senior love card|senior transit pass|bus pass'),
	('streetlight|streetlights|street light|street lights|streetlamp'),
	('pothole|potholes'),
	('ditch|ditches|drain|drains|gutter'),
	('deferment|deferral|postpone'),
	('columbarium|niche'),
	('disability|disabilities|disabled');
