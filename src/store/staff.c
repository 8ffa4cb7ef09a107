/*
 * staff.c -- SQL for users, sessions, attempts and the audit log.
 */
#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "store/staff.h"

#define USER_COLS                                                                                                      \
	"u.id, u.username, u.display_name, u.role, u.unit, n.name_zh, n.name_en, u.phone, u.pw_hash, u.active, "       \
	"u.email "                                                                                                     \
	"FROM users u LEFT JOIN units n ON n.code = u.unit "

static void read_user(sqlite3_stmt *s, int c, struct arena *a, struct user_rec *u)
{
	u->id = sqlite3_column_int64(s, c);
	u->username = col_str(s, c + 1, a);
	u->display_name = col_str(s, c + 2, a);
	u->role = role_parse((const char *)sqlite3_column_text(s, c + 3));
	u->unit = col_str(s, c + 4, a);
	u->unit_name[LANG_ZH] = col_str(s, c + 5, a);
	u->unit_name[LANG_EN] = col_str(s, c + 6, a);
	u->phone = col_str(s, c + 7, a);
	u->pw_hash = col_str(s, c + 8, a);
	u->active = sqlite3_column_int(s, c + 9) != 0;
	u->email = col_str(s, c + 10, a);
}

enum err store_user_upsert(struct store *st, const char *username, const char *display_name, enum role role,
                           const char *unit, const char *phone, const char *pw_hash, char *err, size_t errsz)
{
	static const char sql[] =
	    "INSERT INTO users (username, display_name, role, unit, phone, pw_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	    "ON CONFLICT(username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, "
	    "unit = excluded.unit, phone = excluded.phone, pw_hash = excluded.pw_hash, active = 1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, username);
	bind_str(s, 2, display_name);
	bind_str(s, 3, role_name(role));
	bind_str(s, 4, unit);
	bind_str(s, 5, phone ? phone : "");
	bind_str(s, 6, pw_hash);
	enum err e = stmt_done(st, s);
	if (e != ERR_OK)
		snprintf(err, errsz, "%s", store_errmsg(st));
	return e;
}

enum err store_user_set_active(struct store *st, long long id, bool active)
{
	sqlite3_stmt *s = stmt_get(st, "UPDATE users SET active = ?2 WHERE id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, active);
	return stmt_done(st, s);
}

enum err store_user_set_password(struct store *st, long long id, const char *pw_hash)
{
	sqlite3_stmt *s = stmt_get(st, "UPDATE users SET pw_hash = ?2 WHERE id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, pw_hash);
	return stmt_done(st, s);
}

static enum err one_user(sqlite3_stmt *s, struct arena *a, struct user_rec *out)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_user(s, 0, a, out);
	sqlite3_reset(s);
	return row_err(rc);
}

enum err store_user_by_name(struct store *st, struct arena *a, const char *username, struct user_rec *out)
{
	static const char sql[] = "SELECT " USER_COLS "WHERE u.username = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, username);
	return one_user(s, a, out);
}

enum err store_user_by_id(struct store *st, struct arena *a, long long id, struct user_rec *out)
{
	static const char sql[] = "SELECT " USER_COLS "WHERE u.id = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return one_user(s, a, out);
}

static void user_row(sqlite3_stmt *s, struct arena *a, void *item)
{
	read_user(s, 0, a, item);
}

enum err store_users_of_unit(struct store *st, struct arena *a, const char *unit, struct user_rec **out, size_t *n)
{
	static const char sql[] = "SELECT " USER_COLS "WHERE u.active AND u.unit = ?1 ORDER BY u.role, u.username";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		bind_str(s, 1, unit);
	return STMT_LIST(st, s, a, out, n, user_row);
}

enum err store_session_new(struct store *st, const char *token_hash, long long user_id, const char *csrf, time_t now,
                           const char *ip)
{
	static const char sql[] = "INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen, ip) "
	                          "VALUES (?1, ?2, ?3, ?4, ?4, ?5)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, token_hash);
	sqlite3_bind_int64(s, 2, user_id);
	bind_str(s, 3, csrf);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)now);
	bind_str(s, 5, ip);
	return stmt_done(st, s);
}

enum err store_session_get(struct store *st, struct arena *a, const char *token_hash, time_t now, int idle_s,
                           int absolute_s, struct user_rec *user, const char **csrf)
{
	static const char sql[] = "SELECT s.created_at, s.last_seen, s.csrf, " USER_COLS
	                          "JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = ?1";
	enum { SESSION_TOUCH_S = 30 };
	static const char touch[] = "UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1 AND last_seen < ?2 - 30";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, token_hash);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return rc == SQLITE_DONE ? ERR_NOTFOUND : ERR_DB;
	}
	time_t created = (time_t)sqlite3_column_int64(s, 0), seen = (time_t)sqlite3_column_int64(s, 1);
	*csrf = col_str(s, 2, a);
	read_user(s, 3, a, user);
	sqlite3_reset(s);
	if (now - seen > idle_s || now - created > absolute_s || !user->active) {
		store_session_end(st, token_hash);
		return ERR_NOTFOUND;
	}
	/* touch at most every 30 s: a page view is not a write */
	s = now - seen > SESSION_TOUCH_S ? stmt_get(st, touch) : NULL;
	if (s) {
		bind_str(s, 1, token_hash);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
		stmt_done(st, s);
	}
	return ERR_OK;
}

enum err store_session_end(struct store *st, const char *token_hash)
{
	sqlite3_stmt *s = stmt_get(st, "DELETE FROM sessions WHERE token_hash = ?1");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, token_hash);
	return stmt_done(st, s);
}

enum err store_sessions_end_user(struct store *st, long long user_id)
{
	sqlite3_stmt *s = stmt_get(st, "DELETE FROM sessions WHERE user_id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, user_id);
	return stmt_done(st, s);
}

/* Steps sql with ?1 kind, ?2 key (may go unused), ?3 a time, ?4 a second time. */
static enum err attempt_step(struct store *st, const char *sql, const char *kind, const char *key, time_t t, time_t t2)
{
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, kind);
	bind_str(s, 2, key);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)t);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)t2);
	return stmt_done(st, s);
}

/* ERR_LIMIT when key has max attempts in its window, open since after 'start' (*since: when it opened). */
static enum err attempt_check(struct store *st, const char *kind, const struct attempt_limit *l, time_t start,
                              time_t *since)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT n, since FROM attempts WHERE kind = ?1 AND key = ?2 AND since > ?3");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, kind);
	bind_str(s, 2, l->key);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)start);
	int rc = sqlite3_step(s);
	enum err e = rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : ERR_DB;
	if (rc == SQLITE_ROW && sqlite3_column_int(s, 0) >= l->max) {
		e = ERR_LIMIT;
		*since = (time_t)sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return e;
}

/* A throttle decision of its own: losing it to a power cut loses a brake of the last moments, never a record. */
static enum err attempt_sync(struct store *st, bool full)
{
	return stmt_done(st, stmt_get(st, full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"));
}

/*
 * Counts and records under one write lock (BEGIN IMMEDIATE), so parallel
 * tries cannot all see "under the limit" before any of them is recorded.
 * A window that has passed starts again at now with this attempt.
 */
enum err store_attempt_take(struct store *st, const char *kind, const struct attempt_limit *lim, size_t n, time_t now,
                            int window, long *retry_s)
{
	static const char count[] = "INSERT INTO attempts (kind, key, since, n) VALUES (?1, ?2, ?3, 1) "
	                            "ON CONFLICT (kind, key) DO UPDATE SET "
	                            "n = CASE WHEN since > ?4 THEN n + 1 ELSE 1 END, "
	                            "since = CASE WHEN since > ?4 THEN since ELSE ?3 END";
	bool own = !st->in_tx;
	enum err e = own ? attempt_sync(st, false) : ERR_OK;
	if (e == ERR_OK && own)
		e = store_begin(st);
	time_t since = now;
	for (size_t i = 0; e == ERR_OK && i < n; i++)
		e = attempt_check(st, kind, &lim[i], now - window, &since);
	*retry_s = (long)(since + window - now);
	/* windows that have passed go as new attempts come: the table holds the keys of one window */
	if (e == ERR_OK)
		e = attempt_step(st, "DELETE FROM attempts WHERE kind = ?1 AND since <= ?3", kind, NULL, now - window,
		                 0);
	for (size_t i = 0; e == ERR_OK && i < n; i++)
		e = attempt_step(st, count, kind, lim[i].key, now, now - window);
	store_fail(st, e); /* the caller's transaction, or our own */
	if (own) {
		e = store_finish(st);
		attempt_sync(st, true);
	}
	return e == ERR_OK || e == ERR_LIMIT ? e : ERR_DB;
}

enum err store_attempt_undo(struct store *st, const char *kind, const struct attempt_limit *lim, size_t n, time_t at)
{
	static const char sql[] =
	    "UPDATE attempts SET n = n - 1 WHERE kind = ?1 AND key = ?2 AND since <= ?3 AND n > 0";
	enum err e = ERR_OK;
	for (size_t i = 0; e == ERR_OK && i < n; i++)
		e = attempt_step(st, sql, kind, lim[i].key, at, 0);
	return e;
}

enum err store_attempt_clear(struct store *st, const char *kind, const char *key)
{
	return attempt_step(st, "DELETE FROM attempts WHERE kind = ?1 AND key = ?2", kind, key, 0, 0);
}

enum err store_audit(struct store *st, long long user_id, const char *username, const char *action, const char *object,
                     const char *detail, const char *ip)
{
	static const char sql[] =
	    "INSERT INTO audit (user_id, username, action, object, detail, ip) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	if (user_id)
		sqlite3_bind_int64(s, 1, user_id);
	bind_str(s, 2, username);
	bind_str(s, 3, action);
	bind_str(s, 4, object);
	bind_str(s, 5, detail);
	bind_str(s, 6, ip);
	return stmt_done(st, s);
}

static void read_audit(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct audit_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->at = col_str(s, 1, a);
	r->username = col_str(s, 2, a);
	r->action = col_str(s, 3, a);
	r->object = col_str(s, 4, a);
	r->detail = col_str(s, 5, a);
	r->ip = col_str(s, 6, a);
}

enum err store_audit_list(struct store *st, struct arena *a, const char *object, int limit, struct audit_rec **out,
                          size_t *n)
{
	static const char sql[] = "SELECT id, at, username, action, object, detail, ip FROM audit "
	                          "WHERE ?1 IS NULL OR object = ?1 ORDER BY id DESC LIMIT ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		bind_str(s, 1, object);
		sqlite3_bind_int(s, 2, limit);
	}
	return STMT_LIST(st, s, a, out, n, read_audit);
}

enum err store_audit_search(struct store *st, struct arena *a, const struct audit_filter *f, int limit, int offset,
                            struct audit_rec **out, size_t *n)
{
	/* at is UTC; the office day is Taipei's (UTC+8, no summer time) */
	static const char sql[] =
	    "SELECT a.id, a.at, a.username, a.action, a.object, a.detail, a.ip FROM audit a "
	    "WHERE (?1 IS NULL OR a.user_id IN (SELECT id FROM users WHERE unit = ?1) "
	    "OR a.object IN (SELECT 'case:' || case_no FROM cases WHERE unit = ?1) "
	    "OR a.object IN (SELECT 'petition:' || petition_no FROM petitions WHERE unit = ?1) "
	    "OR a.object IN (SELECT 'faq:' || slug FROM faq WHERE unit = ?1)) "
	    "AND (?2 IS NULL OR a.username = ?2) "
	    "AND (?3 IS NULL OR a.object = ?3 OR a.object = 'case:' || ?3 OR a.object = 'petition:' || ?3) "
	    "AND (?4 IS NULL OR date(a.at, '+8 hours') >= ?4) AND (?5 IS NULL OR date(a.at, '+8 hours') <= ?5) "
	    "ORDER BY a.id DESC LIMIT ?6 OFFSET ?7";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s) {
		bind_opt(s, 1, f->unit);
		bind_opt(s, 2, f->username);
		bind_opt(s, 3, f->object);
		bind_opt(s, 4, f->from);
		bind_opt(s, 5, f->to);
		sqlite3_bind_int(s, 6, limit);
		sqlite3_bind_int(s, 7, offset);
	}
	return STMT_LIST(st, s, a, out, n, read_audit);
}
