-- Search finds only what the public pages show: a withdrawn service (015's
-- services.published) and a news draft leave the index, and come back when
-- published (the triggers of 005 re-read these views on every change).
-- A news item outside its publish/expiry window stays indexed; its page
-- answers 404 until it shows.
DROP VIEW search_src_service;
DROP VIEW search_src_news;
CREATE VIEW search_src_service AS
SELECT 8589934592 + s.id * 2 AS rid, s.id AS src_id,
       s.name_zh AS title, c.name_zh AS keywords,
       s.summary_zh || char(10) || s.eligibility_zh || char(10) ||
       coalesce((SELECT group_concat(i.text_zh, '；') FROM service_items i WHERE i.service_id = s.id), '') ||
       char(10) || s.notes_zh AS body,
       'service' AS kind, s.code AS ref, 'zh' AS lang, u.name_zh AS meta
  FROM services s JOIN categories c ON c.code = s.category JOIN units u ON u.code = s.unit
 WHERE s.published = 1
UNION ALL
SELECT 8589934592 + s.id * 2 + 1, s.id,
       s.name_en, coalesce(c.name_en, ''),
       coalesce(s.summary_en, '') || char(10) || coalesce(s.eligibility_en, '') || char(10) ||
       coalesce((SELECT group_concat(i.text_en, '; ') FROM service_items i WHERE i.service_id = s.id), '') ||
       char(10) || coalesce(s.notes_en, ''),
       'service', s.code, 'en', u.name_en
  FROM services s JOIN categories c ON c.code = s.category JOIN units u ON u.code = s.unit
 WHERE s.published = 1 AND coalesce(s.name_en, '') <> '';

CREATE VIEW search_src_news AS
SELECT 12884901888 + n.id * 2 AS rid, n.id AS src_id,
       n.title_zh AS title, '' AS keywords, n.body_zh AS body,
       'news' AS kind, CAST(n.id AS TEXT) AS ref, 'zh' AS lang, substr(n.published_at, 1, 10) AS meta
  FROM news n
 WHERE n.status = 'published'
UNION ALL
SELECT 12884901888 + n.id * 2 + 1, n.id,
       n.title_en, '', coalesce(n.body_en, ''),
       'news', CAST(n.id AS TEXT), 'en', substr(n.published_at, 1, 10)
  FROM news n
 WHERE n.status = 'published' AND coalesce(n.title_en, '') <> '';


DELETE FROM search_index WHERE kind IN ('service', 'news');
INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_service;
INSERT INTO search_index (rowid, title, keywords, body, kind, ref, lang, meta)
SELECT rid, title, keywords, body, kind, ref, lang, meta FROM search_src_news;
