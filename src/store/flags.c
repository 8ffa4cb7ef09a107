/*
 * flags.c -- SQL for the scheduler's flags, notifications and outbox
 * (see flags.h).
 */
#include <stdio.h>
#include <string.h>

#include "store/flags.h"
#include "store/internal.h"

static const char *const kind_names[IK__MAX] = {
    "petition", /* IK_PETITION */
    "case",     /* IK_CASE */
    "faq",      /* IK_FAQ */
    "service",  /* IK_SERVICE */
};

const char *item_kind_name(enum item_kind k)
{
	return k < IK__MAX ? kind_names[k] : "none";
}

static void read_item(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct open_item *it = item;
	it->id = sqlite3_column_int64(s, 0);
	it->no = col_str(s, 1, a);
	it->unit = col_str(s, 2, a);
	it->officer_id = sqlite3_column_int64(s, 3);
	it->due_on = col_str(s, 4, a);
	it->ext_id = sqlite3_column_int64(s, 5);
}

enum err store_open_items(struct store *st, struct arena *a, struct open_item **out, size_t *n)
{
	/* both read the partial indexes on open items, ordered by due date */
	static const char pet[] =
	    "SELECT p.id, p.petition_no, p.unit, p.officer_id, p.due_on, "
	    "(SELECT x.id FROM petition_extensions x WHERE x.petition_id = p.id AND x.decision IS NULL) "
	    "FROM petitions p WHERE p.state IN ('received', 'routed', 'assigned') ORDER BY p.due_on";
	static const char cas[] =
	    "SELECT c.id, c.case_no, c.unit, c.officer_id, c.due_on, "
	    "(SELECT x.id FROM case_extensions x WHERE x.case_id = c.id AND x.decision IS NULL) FROM cases c "
	    "WHERE c.state IN ('received', 'review', 'correction') AND c.paused_since IS NULL "
	    "ORDER BY c.unit, c.due_on";
	static const char *const sqls[] = {[IK_PETITION] = pet, [IK_CASE] = cas}; /* FAQ entries: store_faq_stale */
	enum { KINDS = sizeof sqls / sizeof sqls[0] };
	struct open_item *part[KINDS] = {0};
	size_t np[KINDS] = {0}, total = 0;
	*out = NULL;
	*n = 0;
	for (int k = 0; k < KINDS; k++) {
		enum err e = STMT_LIST(st, stmt_get(st, sqls[k]), a, &part[k], &np[k], read_item);
		if (e != ERR_OK)
			return e;
		for (size_t i = 0; i < np[k]; i++)
			part[k][i].kind = (enum item_kind)k;
		total += np[k];
	}
	*n = total;
	struct open_item *it = *out = arena_alloc(a, (total ? total : 1) * sizeof **out);
	for (int k = 0; k < KINDS; k++) {
		if (np[k])
			memcpy(it, part[k], np[k] * sizeof *it);
		it += np[k];
	}
	return ERR_OK;
}

static void read_staff(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct staff_rec *u = item;
	u->id = sqlite3_column_int64(s, 0);
	u->role = role_parse((const char *)sqlite3_column_text(s, 1));
	u->unit = col_str(s, 2, a);
	u->email = col_str(s, 3, a);
	u->name = col_str(s, 4, a);
}

enum err store_staff_all(struct store *st, struct arena *a, struct staff_rec **out, size_t *n)
{
	static const char sql[] = "SELECT id, role, unit, email, display_name FROM users WHERE active ORDER BY id";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_staff);
}

enum err store_flag_raise(struct store *st, enum item_kind kind, long long id, const char *tier, const char *ref,
                          const char *at, const long long *users, size_t nusers, long long *flag_id, int *notified,
                          long long *notification_ids)
{
	/*
	 * the item must still be open when the flag is written, not just when it
	 * was read; an FAQ entry must still exist, not reviewed since (ref)
	 */
	static const char flag[] =
	    "INSERT OR IGNORE INTO flags (item_kind, item_id, tier, ref, raised_at) SELECT ?1, ?2, ?3, ?4, ?5 "
	    "WHERE CASE ?1 WHEN 'petition' THEN EXISTS (SELECT 1 FROM petitions WHERE id = ?2 "
	    "AND state IN ('received', 'routed', 'assigned')) WHEN 'case' THEN EXISTS (SELECT 1 FROM cases "
	    "WHERE id = ?2 AND state IN ('received', 'review', 'correction') AND paused_since IS NULL) "
	    "WHEN 'faq' THEN EXISTS (SELECT 1 FROM faq WHERE id = ?2 AND reviewed_on = ?4) "
	    "WHEN 'service' THEN EXISTS (SELECT 1 FROM services WHERE id = ?2 AND reviewed_on = ?4 AND published = 1) "
	    "END";
	static const char note[] =
	    "INSERT OR IGNORE INTO notifications (user_id, flag_id, created_at) VALUES (?1, ?2, ?3)";
	*flag_id = 0;
	*notified = 0;
	sqlite3_stmt *s = stmt_get(st, flag);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, item_kind_name(kind));
	sqlite3_bind_int64(s, 2, id);
	bind_str(s, 3, tier);
	bind_str(s, 4, ref);
	bind_str(s, 5, at);
	enum err e = stmt_done(st, s);
	if (e != ERR_OK || sqlite3_changes(st->db) == 0)
		return e;
	*flag_id = sqlite3_last_insert_rowid(st->db);
	for (size_t i = 0; i < nusers; i++) {
		s = stmt_get(st, note);
		if (!s)
			return ERR_DB;
		sqlite3_bind_int64(s, 1, users[i]);
		sqlite3_bind_int64(s, 2, *flag_id);
		bind_str(s, 3, at);
		e = stmt_done(st, s);
		if (e != ERR_OK)
			return e;
		if (sqlite3_changes(st->db)) {
			if (notification_ids)
				notification_ids[*notified] = sqlite3_last_insert_rowid(st->db);
			(*notified)++;
		}
	}
	return ERR_OK;
}

/* ---- notifications ---- */

static void read_notification(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct notification_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->created_at = col_str(s, 1, a);
	r->read_at = col_str(s, 2, a);
	r->tier = col_str(s, 3, a);
	r->ref = col_str(s, 4, a);
	r->item_kind = col_str(s, 5, a);
	r->item_no = col_str(s, 6, a);
	r->confidential = sqlite3_column_int(s, 7) != 0;
	r->title[LANG_ZH] = col_str(s, 8, a);
	r->title[LANG_EN] = col_str(s, 9, a);
}

enum err store_notifications(struct store *st, struct arena *a, long long user_id, int limit,
                             struct notification_rec **out, size_t *n)
{
	static const char sql[] = "SELECT n.id, n.created_at, n.read_at, f.tier, f.ref, f.item_kind, "
	                          "coalesce(p.petition_no, c.case_no, q.slug, sv.code), coalesce(p.confidential, 0), "
	                          "coalesce(q.question_zh, sv.name_zh), coalesce(q.question_en, sv.name_en) "
	                          "FROM notifications n JOIN flags f ON f.id = n.flag_id "
	                          "LEFT JOIN petitions p ON f.item_kind = 'petition' AND p.id = f.item_id "
	                          "LEFT JOIN cases c ON f.item_kind = 'case' AND c.id = f.item_id "
	                          "LEFT JOIN faq q ON f.item_kind = 'faq' AND q.id = f.item_id "
	                          "LEFT JOIN services sv ON f.item_kind = 'service' AND sv.id = f.item_id "
	                          "WHERE n.user_id = ?1 ORDER BY n.read_at IS NOT NULL, f.item_kind IN ('faq', "
	                          "'service'), n.id DESC LIMIT ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		sqlite3_bind_int64(s, 1, user_id);
		sqlite3_bind_int(s, 2, limit);
	}
	return STMT_LIST(st, s, a, out, n, read_notification);
}

int store_notifications_unread(struct store *st, long long user_id)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT count(*) FROM notifications WHERE user_id = ?1 AND read_at IS NULL");
	if (!s)
		return 0;
	sqlite3_bind_int64(s, 1, user_id);
	int c = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_reset(s);
	return c;
}

enum err store_notification_read(struct store *st, long long user_id, long long id, const char *at)
{
	static const char sql[] =
	    "UPDATE notifications SET read_at = coalesce(read_at, ?3) WHERE id = ?1 AND user_id = ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, user_id);
	bind_str(s, 3, at);
	enum err e = stmt_done(st, s);
	if (e == ERR_OK && sqlite3_changes(st->db) == 0)
		return tx_note(st, ERR_NOTFOUND);
	return e;
}

enum err store_notifications_read_all(struct store *st, long long user_id, const char *at)
{
	static const char sql[] = "UPDATE notifications SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, user_id);
	bind_str(s, 2, at);
	return stmt_done(st, s);
}

/* ---- the outbox ---- */

enum err store_outbox_add(struct store *st, long long notification_id, const char *to, const char *subject,
                          const char *body, time_t next_at)
{
	static const char sql[] = "INSERT OR IGNORE INTO outbox (notification_id, to_addr, subject, body, next_at) "
	                          "VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, notification_id);
	bind_str(s, 2, to);
	bind_str(s, 3, subject);
	bind_str(s, 4, body);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)next_at);
	return stmt_done(st, s);
}

enum err store_outbox_backlog(struct store *st, long *pending, long *failed)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT count(*) FILTER (WHERE state IN ('pending', 'sending')), "
	                               "count(*) FILTER (WHERE state = 'failed') FROM outbox");
	if (!s)
		return ERR_DB;
	enum err e = row_err(sqlite3_step(s));
	*pending = e == ERR_OK ? (long)sqlite3_column_int64(s, 0) : 0;
	*failed = e == ERR_OK ? (long)sqlite3_column_int64(s, 1) : 0;
	sqlite3_reset(s);
	return e;
}

enum err store_sched_pass_record(struct store *st, const struct sched_pass_rec *p)
{
	sqlite3_stmt *s = stmt_get(st, "INSERT OR REPLACE INTO scheduler_pass (id, finished_at, scanned, flags, usec) "
	                               "VALUES (1, ?, ?, ?, ?)");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)p->finished_at);
	sqlite3_bind_int64(s, 2, p->scanned);
	sqlite3_bind_int64(s, 3, p->flags);
	sqlite3_bind_int64(s, 4, p->usec);
	return stmt_done(st, s);
}

enum err store_sched_pass_last(struct store *st, struct sched_pass_rec *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = stmt_get(st, "SELECT finished_at, scanned, flags, usec FROM scheduler_pass WHERE id = 1");
	if (!s)
		return ERR_DB;
	enum err e = row_err(sqlite3_step(s));
	if (e == ERR_OK)
		*out = (struct sched_pass_rec){(time_t)sqlite3_column_int64(s, 0), (long)sqlite3_column_int64(s, 1),
		                               (long)sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3)};
	sqlite3_reset(s);
	return e == ERR_NOTFOUND ? ERR_OK : e;
}
