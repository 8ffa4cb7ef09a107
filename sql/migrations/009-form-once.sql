-- 009-form-once.sql -- one form, one record (issue 11, item 15).
--
-- Every petition and case form carries a one-time token; the record keeps
-- a hash of it (never the token: the token also yields the query code), so
-- the same form posted again -- a double click, a refresh of the POST, a
-- retry after a lost answer -- finds the record it already made instead of
-- making a second one with a new number.  NULL for records from before.
ALTER TABLE petitions ADD COLUMN form_hash TEXT;
CREATE UNIQUE INDEX petitions_form_hash ON petitions (form_hash) WHERE form_hash IS NOT NULL;
ALTER TABLE cases ADD COLUMN form_hash TEXT;
CREATE UNIQUE INDEX cases_form_hash ON cases (form_hash) WHERE form_hash IS NOT NULL;
