-- Search results pages are kept in the page cache like the other public
-- pages (keyed by the query too): a synonym changes what a query finds, so
-- it bumps the content generation as a catalog change does.
CREATE TRIGGER search_synonyms_gen_insert AFTER INSERT ON search_synonyms BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER search_synonyms_gen_update AFTER UPDATE ON search_synonyms BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
CREATE TRIGGER search_synonyms_gen_delete AFTER DELETE ON search_synonyms BEGIN UPDATE content_gen SET gen = gen + 1 WHERE id = 1; END;
