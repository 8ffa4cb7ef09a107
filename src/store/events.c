/*
 * events.c -- SQL for events, sign-ups and queued citizen mail (see events.h).
 */
#include "store/events.h"

#include <string.h>

#include "store/internal.h"

#define EVENT_COLS                                                                                                     \
	"e.id, e.unit, e.title_zh, e.title_en, e.place_zh, e.place_en, e.body_zh, e.body_en, e.question_zh, "          \
	"e.question_en, e.starts_at, e.ends_at, e.signup_from, e.signup_until, e.capacity, e.max_party, "              \
	"e.waitlist, e.ask_phone, e.state = 'closed', e.purged_at, "                                                   \
	"(SELECT coalesce(sum(people), 0) FROM signups WHERE event_id = e.id AND state = 'confirmed'), "               \
	"(SELECT count(*) FROM signups WHERE event_id = e.id AND state = 'waiting') "

static void read_event(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct event_rec *e = item;
	e->id = sqlite3_column_int64(s, 0);
	e->unit = col_str(s, 1, a);
	for (int l = 0; l < LANG__MAX; l++) {
		e->title[l] = col_str(s, 2 + l, a);
		e->place[l] = col_str(s, 4 + l, a);
		e->body[l] = col_str(s, 6 + l, a);
		e->question[l] = col_str(s, 8 + l, a);
	}
	e->starts_at = col_str(s, 10, a);
	e->ends_at = col_str(s, 11, a);
	e->signup_from = col_str(s, 12, a);
	e->signup_until = col_str(s, 13, a);
	e->capacity = sqlite3_column_int(s, 14);
	e->max_party = sqlite3_column_int(s, 15);
	e->waitlist = sqlite3_column_int(s, 16);
	e->ask_phone = sqlite3_column_int(s, 17);
	e->closed = sqlite3_column_int(s, 18);
	e->purged_at = col_str(s, 19, a);
	e->taken = sqlite3_column_int(s, 20);
	e->waiting = sqlite3_column_int(s, 21);
}

enum err store_event_create(struct store *st, const struct event_rec *e, long long created_by, const char *at,
                            long long *id)
{
	static const char sql[] =
	    "INSERT INTO events (unit, title_zh, title_en, place_zh, place_en, body_zh, body_en, question_zh, "
	    "question_en, starts_at, ends_at, signup_from, signup_until, capacity, max_party, waitlist, ask_phone, "
	    "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
	    "?17, ?18, ?19)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_opt(s, 1, e->unit);
	for (int l = 0; l < LANG__MAX; l++) {
		(l == LANG_ZH ? bind_str : bind_opt)(s, 2 + l, e->title[l]);
		(l == LANG_ZH ? bind_str : bind_opt)(s, 4 + l, e->place[l]);
		(l == LANG_ZH ? bind_str : bind_opt)(s, 6 + l, e->body[l] ? e->body[l] : "");
		bind_opt(s, 8 + l, e->question[l]);
	}
	bind_str(s, 10, e->starts_at);
	bind_str(s, 11, e->ends_at);
	bind_str(s, 12, e->signup_from);
	bind_str(s, 13, e->signup_until);
	sqlite3_bind_int(s, 14, e->capacity);
	sqlite3_bind_int(s, 15, e->max_party);
	sqlite3_bind_int(s, 16, e->waitlist);
	sqlite3_bind_int(s, 17, e->ask_phone);
	if (created_by)
		sqlite3_bind_int64(s, 18, created_by);
	bind_str(s, 19, at);
	return stmt_insert(st, s, id);
}

enum err store_event_get(struct store *st, struct arena *a, long long id, struct event_rec *out)
{
	static const char sql[] = "SELECT " EVENT_COLS "FROM events e WHERE e.id = ?1";
	return stmt_one_by_id(st, a, sql, id, out, read_event);
}

enum err store_events_upcoming(struct store *st, struct arena *a, const char *now, int limit, struct event_rec **out,
                               size_t *n)
{
	static const char sql[] =
	    "SELECT " EVENT_COLS "FROM events e WHERE e.ends_at >= ?1 ORDER BY e.starts_at, e.id LIMIT ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, now);
	sqlite3_bind_int(s, 2, limit);
	return STMT_LIST(st, s, a, out, n, read_event);
}

enum err store_events_all(struct store *st, struct arena *a, struct event_rec **out, size_t *n)
{
	static const char sql[] = "SELECT " EVENT_COLS "FROM events e ORDER BY e.starts_at DESC, e.id DESC";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_event);
}

enum err store_event_close(struct store *st, long long id)
{
	static const char sql[] = "UPDATE events SET state = 'closed' WHERE id = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return stmt_done(st, s);
}

/* ---- sign-ups ---- */

#define SIGNUP_COLS "id, event_id, name, phone, email, answer, people, state, attended, created_at, promoted_at "

static void read_signup(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct signup_rec *r = item;
	r->id = sqlite3_column_int64(s, 0);
	r->event_id = sqlite3_column_int64(s, 1);
	r->name = col_str(s, 2, a);
	r->phone = col_str(s, 3, a);
	r->email = col_str(s, 4, a);
	r->answer = col_str(s, 5, a);
	r->people = sqlite3_column_int(s, 6);
	r->state = col_str(s, 7, a);
	r->attended = sqlite3_column_int(s, 8);
	r->created_at = col_str(s, 9, a);
	r->promoted_at = col_str(s, 10, a);
}

enum err store_signup_add(struct store *st, const struct signup_new *n, long long *id)
{
	static const char sql[] = "INSERT INTO signups (event_id, form_hash, code_hash, name, phone, email, answer, "
	                          "people, state, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, n->event_id);
	bind_str(s, 2, n->form_hash);
	bind_str(s, 3, n->code_hash);
	bind_opt(s, 4, n->name);
	bind_opt(s, 5, n->phone);
	bind_opt(s, 6, n->email);
	bind_opt(s, 7, n->answer);
	sqlite3_bind_int(s, 8, n->people);
	bind_str(s, 9, n->state);
	bind_str(s, 10, n->at);
	return stmt_insert(st, s, id);
}

enum err store_signup_by_form(struct store *st, struct arena *a, const char *form_hash, struct signup_rec *out)
{
	static const char sql[] = "SELECT " SIGNUP_COLS "FROM signups WHERE form_hash = ?1";
	return stmt_one_by(st, a, sql, form_hash, out, read_signup);
}

enum err store_signup_by_code(struct store *st, struct arena *a, const char *code_hash, struct signup_rec *out)
{
	static const char sql[] = "SELECT " SIGNUP_COLS "FROM signups WHERE code_hash = ?1";
	return stmt_one_by(st, a, sql, code_hash, out, read_signup);
}

enum err store_signups(struct store *st, struct arena *a, long long event_id, struct signup_rec **out, size_t *n)
{
	static const char sql[] = "SELECT " SIGNUP_COLS "FROM signups WHERE event_id = ?1 ORDER BY id";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, event_id);
	return STMT_LIST(st, s, a, out, n, read_signup);
}

enum err store_signups_waiting(struct store *st, struct arena *a, long long event_id, struct signup_rec **out,
                               size_t *n)
{
	static const char sql[] =
	    "SELECT " SIGNUP_COLS "FROM signups WHERE event_id = ?1 AND state = 'waiting' ORDER BY id";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, event_id);
	return STMT_LIST(st, s, a, out, n, read_signup);
}

/* Runs a one-row UPDATE of a sign-up; ERR_CONFLICT when it changed no row. */
static enum err signup_update(struct store *st, const char *sql, long long id, const char *at)
{
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, at);
	return stmt_changed_one(st, s); /* by id: one row or none */
}

enum err store_signup_cancel(struct store *st, long long id, const char *at)
{
	static const char sql[] =
	    "UPDATE signups SET state = 'cancelled', cancelled_at = ?2 WHERE id = ?1 AND state <> 'cancelled'";
	return signup_update(st, sql, id, at);
}

enum err store_signup_promote(struct store *st, long long id, const char *at)
{
	static const char sql[] =
	    "UPDATE signups SET state = 'confirmed', promoted_at = ?2 WHERE id = ?1 AND state = 'waiting'";
	return signup_update(st, sql, id, at);
}

enum err store_signup_attendance(struct store *st, long long event_id, const long long *ids, size_t n)
{
	static const char clear[] = "UPDATE signups SET attended = 0 WHERE event_id = ?1";
	static const char mark[] =
	    "UPDATE signups SET attended = 1 WHERE event_id = ?1 AND id = ?2 AND state = 'confirmed'";
	sqlite3_stmt *s = stmt_get(st, clear);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, event_id);
	enum err e = stmt_done(st, s);
	for (size_t i = 0; e == ERR_OK && i < n; i++) {
		s = stmt_get(st, mark);
		if (!s)
			return ERR_DB;
		sqlite3_bind_int64(s, 1, event_id);
		sqlite3_bind_int64(s, 2, ids[i]);
		e = stmt_done(st, s);
	}
	return e;
}

/* ---- retention ---- */

enum err store_signups_purge(struct store *st, const char *before, const char *at, int *events)
{
	static const char mail[] = "DELETE FROM citizen_outbox WHERE item_kind = 'signup' AND item_id IN (SELECT s.id "
	                           "FROM signups s JOIN events e ON e.id = s.event_id WHERE e.ends_at < ?1 "
	                           "AND e.purged_at IS NULL)";
	static const char people[] =
	    "UPDATE signups SET name = NULL, phone = NULL, email = NULL, answer = NULL WHERE event_id IN "
	    "(SELECT id FROM events WHERE ends_at < ?1 AND purged_at IS NULL)";
	static const char mark[] = "UPDATE events SET purged_at = ?2 WHERE ends_at < ?1 AND purged_at IS NULL";
	const char *const sqls[] = {mail, people, mark};
	enum err e = ERR_OK;
	*events = 0;
	for (size_t i = 0; e == ERR_OK && i < sizeof sqls / sizeof sqls[0]; i++) {
		sqlite3_stmt *s = stmt_get(st, sqls[i]);
		if (!s)
			return ERR_DB;
		bind_str(s, 1, before);
		if (i == 2)
			bind_str(s, 2, at);
		e = stmt_done(st, s);
		if (e == ERR_OK && i == 2)
			*events = sqlite3_changes(st->db);
	}
	return e;
}
