-- 007: the audit log page (/staff/audit, issue #8) filters by person, by
-- record and by date and pages newest first; a unit head's view is the rows
-- about their unit's records or by their unit's staff.  Indexes for each.
CREATE INDEX audit_username ON audit(username, id);
CREATE INDEX audit_object ON audit(object, id);
CREATE INDEX audit_user ON audit(user_id, id);
