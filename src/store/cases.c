/*
 * cases.c -- SQL for applications, events and correction notices.
 */
#include <stdio.h>
#include <string.h>

#include "domain/clock.h"
#include "domain/ids.h"
#include "store/cases.h"
#include "store/internal.h"

#define PUSH(a, arr, n, cap) arena_push((a), (void **)(arr), (n), &(cap), sizeof **(arr))

#define CASE_SELECT                                                                                                    \
	"SELECT c.id, c.case_no, c.code_hash, c.service_id, s.code, s.name_zh, s.name_en, c.unit, u.name_zh, "         \
	"u.name_en, u.phone, c.applicant_name, c.applicant_phone, c.applicant_email, c.applicant_natid, "              \
	"c.channel, c.state, c.received_on, c.received_at, c.due_on, c.paused_since, c.closed_at, c.days, "            \
	"c.paused_days, o.display_name, c.created_by, c.officer_id, c.ext_days, s.ext_days, "                          \
	"(SELECT x.asked_by FROM case_extensions x WHERE x.case_id = c.id AND x.decision IS NULL), c.rating, "         \
	"c.decided_on FROM cases c JOIN services s ON s.id = c.service_id "                                            \
	"JOIN units u ON u.code = c.unit LEFT JOIN users o ON o.id = c.officer_id "

static void read_case(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct case_rec *c = item;
	c->id = sqlite3_column_int64(s, 0);
	c->case_no = col_str(s, 1, a);
	c->code_hash = col_str(s, 2, a);
	c->service_id = sqlite3_column_int64(s, 3);
	c->service_code = col_str(s, 4, a);
	c->service_name[LANG_ZH] = col_str(s, 5, a);
	c->service_name[LANG_EN] = col_str(s, 6, a);
	c->unit = col_str(s, 7, a);
	c->unit_name[LANG_ZH] = col_str(s, 8, a);
	c->unit_name[LANG_EN] = col_str(s, 9, a);
	c->unit_phone = col_str(s, 10, a);
	c->name = col_str(s, 11, a);
	c->phone = col_str(s, 12, a);
	c->email = col_str(s, 13, a);
	c->natid = col_str(s, 14, a);
	c->channel = col_str(s, 15, a);
	c->state = case_state_parse((const char *)sqlite3_column_text(s, 16));
	c->received_on = col_str(s, 17, a);
	c->received_at = col_str(s, 18, a);
	c->due_on = col_str(s, 19, a);
	c->paused_since = col_str(s, 20, a);
	c->closed_at = col_str(s, 21, a);
	c->days = sqlite3_column_int(s, 22);
	c->paused_days = sqlite3_column_int(s, 23);
	c->officer_name = col_str(s, 24, a);
	c->created_by = sqlite3_column_int64(s, 25);
	c->officer_id = sqlite3_column_int64(s, 26);
	c->ext_days = sqlite3_column_int(s, 27);
	c->ext_limit = sqlite3_column_int(s, 28);
	c->ext_pending = sqlite3_column_type(s, 29) != SQLITE_NULL;
	c->ext_asked_by = sqlite3_column_int64(s, 29);
	c->rating = sqlite3_column_int(s, 30);
	c->decided_on = col_str(s, 31, a);
}

enum err store_case_create(struct store *st, const struct case_new *c, char *no, long long *id)
{
	static const char seq_sql[] = "SELECT case_no FROM cases WHERE received_on = ?1 ORDER BY id DESC LIMIT 1";
	static const char ins[] =
	    "INSERT INTO cases (case_no, code_hash, service_id, unit, applicant_name, applicant_phone, "
	    "phone_digits, applicant_email, applicant_natid, channel, state, received_on, received_at, days, "
	    "due_on, created_by, form_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'received', ?11, ?12, "
	    "?13, "
	    "?14, ?15, ?16)";
	int32_t day;
	if (!cal_parse_iso(c->received_on, &day))
		return tx_note(st, ERR_INVAL);
	int seq = stmt_day_next_seq(st, seq_sql, c->received_on);
	if (seq < 0)
		return ERR_DB;
	ids_number('A', day, seq, no);
	sqlite3_stmt *s = stmt_get(st, ins);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, no);
	bind_str(s, 2, c->code_hash);
	sqlite3_bind_int64(s, 3, c->service_id);
	bind_str(s, 4, c->unit);
	bind_str(s, 5, c->name);
	bind_str(s, 6, c->phone);
	bind_str(s, 7, c->phone_digits);
	bind_str(s, 8, c->email);
	bind_str(s, 9, c->natid);
	bind_str(s, 10, c->channel);
	bind_str(s, 11, c->received_on);
	bind_str(s, 12, c->received_at);
	sqlite3_bind_int(s, 13, c->days);
	bind_str(s, 14, c->due_on);
	if (c->user_id)
		sqlite3_bind_int64(s, 15, c->user_id);
	bind_opt(s, 16, c->form_hash);
	return stmt_insert(st, s, id);
}

enum err store_case_by_no(struct store *st, struct arena *a, const char *no, struct case_rec *out)
{
	return stmt_one_by(st, a, CASE_SELECT "WHERE c.case_no = ?1", no, out, read_case);
}

enum err store_case_by_form(struct store *st, struct arena *a, const char *form_hash, struct case_rec *out)
{
	return stmt_one_by(st, a, CASE_SELECT "WHERE c.form_hash = ?1", form_hash, out, read_case);
}

static void read_event(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct event_rec *e = item;
	e->at = col_str(s, 0, a);
	e->username = col_str(s, 1, a);
	e->from_state = col_str(s, 2, a);
	e->to_state = col_str(s, 3, a);
	e->note = col_str(s, 4, a);
}

enum err store_case_events(struct store *st, struct arena *a, long long case_id, struct event_rec **out, size_t *n)
{
	static const char sql[] =
	    "SELECT at, username, from_state, to_state, note FROM case_events WHERE case_id = ?1 ORDER BY id";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		sqlite3_bind_int64(s, 1, case_id);
	return STMT_LIST(st, s, a, out, n, read_event);
}

enum err store_case_event(struct store *st, long long case_id, const char *at, long long user_id, const char *username,
                          const char *from, const char *to, const char *note)
{
	static const char sql[] =
	    "INSERT INTO case_events (case_id, at, user_id, username, from_state, to_state, note) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, case_id);
	bind_str(s, 2, at);
	if (user_id)
		sqlite3_bind_int64(s, 3, user_id);
	bind_str(s, 4, username);
	bind_str(s, 5, from);
	bind_str(s, 6, to);
	bind_str(s, 7, note && *note ? note : NULL);
	return stmt_done(st, s);
}

enum err store_case_set_state(struct store *st, long long id, enum case_state from, enum case_state to, const char *at)
{
	static const char sql[] = "UPDATE cases SET state = ?3, closed_at = CASE WHEN ?3 IN ('closed', 'withdrawn') "
	                          "THEN ?4 ELSE closed_at END, decided_on = CASE WHEN ?5 THEN coalesce(decided_on, ?6) "
	                          "ELSE NULL END WHERE id = ?1 AND state = ?2";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	char on[CAL_ISO_SIZE];
	cal_format_iso(clock_office_day(clock_parse_iso(at)), on);
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, case_state_name(from));
	bind_str(s, 3, case_state_name(to));
	bind_str(s, 4, at);
	sqlite3_bind_int(s, 5, !case_state_open(to));
	sqlite3_bind_text(s, 6, on, -1, SQLITE_TRANSIENT);
	return stmt_changed_one(st, s);
}

enum err store_case_pause(struct store *st, long long id, const char *since)
{
	sqlite3_stmt *s = stmt_get(st, "UPDATE cases SET paused_since = ?2 WHERE id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, since);
	return stmt_done(st, s);
}

enum err store_case_resume(struct store *st, long long id, int waited_days, const char *due_on)
{
	static const char sql[] =
	    "UPDATE cases SET paused_since = NULL, paused_days = paused_days + ?2, due_on = ?3 WHERE id = ?1";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, waited_days);
	bind_str(s, 3, due_on);
	return stmt_done(st, s);
}

enum err store_cases_find(struct store *st, struct arena *a, const char *no, const char *phone_digits,
                          struct case_rec **out, size_t *n)
{
	static const char sql[] = CASE_SELECT "WHERE c.case_no = ?1 OR c.phone_digits = ?2 ORDER BY c.id DESC LIMIT 50";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, no);
	bind_str(s, 2, phone_digits && *phone_digits ? phone_digits : NULL);
	return STMT_LIST(st, s, a, out, n, read_case);
}

enum err store_cases_open(struct store *st, struct arena *a, const char *unit, long long officer_id,
                          struct case_rec **out, size_t *n)
{
	static const char sql[] = CASE_SELECT "WHERE c.state IN ('received', 'review', 'correction') "
	                                      "AND (?1 IS NULL OR c.unit = ?1) AND (?2 = 0 OR c.officer_id = ?2) "
	                                      "ORDER BY c.due_on, c.id LIMIT 500";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, unit);
	sqlite3_bind_int64(s, 2, officer_id);
	return STMT_LIST(st, s, a, out, n, read_case);
}

enum err store_cases_taken_in(struct store *st, struct arena *a, long long user_id, const char *day,
                              struct case_rec **out, size_t *n)
{
	static const char sql[] = CASE_SELECT "WHERE c.created_by = ?1 AND c.received_on = ?2 ORDER BY c.id";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, user_id);
	bind_str(s, 2, day);
	return STMT_LIST(st, s, a, out, n, read_case);
}

enum err store_case_assign(struct store *st, long long id, long long officer_id)
{
	static const char sql[] =
	    "UPDATE cases SET officer_id = ?2 WHERE id = ?1 AND state IN ('received', 'review', 'correction')";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, officer_id);
	return stmt_changed_one(st, s);
}

enum err store_case_extend(struct store *st, long long id, int days, const char *due_on)
{
	sqlite3_stmt *s = stmt_get(st, "UPDATE cases SET ext_days = ext_days + ?2, due_on = ?3 WHERE id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, days);
	bind_str(s, 3, due_on);
	return stmt_changed_one(st, s);
}

enum err store_case_rate(struct store *st, long long id, int rating, const char *note, const char *at)
{
	static const char sql[] = "UPDATE cases SET rating = ?2, rating_note = ?3, rated_at = ?4 "
	                          "WHERE id = ?1 AND state = 'closed' AND rating IS NULL";
	return stmt_rate(st, sql, id, rating, note, at);
}

static void read_correction(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct correction_rec *c = item;
	c->id = sqlite3_column_int64(s, 0);
	c->seq = sqlite3_column_int(s, 1);
	c->issued_on = col_str(s, 2, a);
	c->officer = col_str(s, 3, a);
	c->officer_phone = col_str(s, 4, a);
	c->deadline_on = col_str(s, 5, a);
	c->reason = col_str(s, 6, a);
	c->resolved_on = col_str(s, 7, a);
}

/* A notice's items, in both languages: the two arrays grow together. */
struct items_ctx {
	struct arena *a;
	struct correction_rec *c;
	size_t zcap, ecap, ne;
};

static enum err correction_item_row(void *ctx, sqlite3_stmt *s)
{
	struct items_ctx *x = ctx;
	*(const char **)PUSH(x->a, &x->c->items_zh, &x->c->nitems, x->zcap) = col_str(s, 0, x->a);
	*(const char **)PUSH(x->a, &x->c->items_en, &x->ne, x->ecap) = col_str(s, 1, x->a);
	return ERR_OK;
}

enum err store_corrections(struct store *st, struct arena *a, long long case_id, struct correction_rec **out, size_t *n)
{
	static const char sql[] = "SELECT id, seq, issued_on, officer, officer_phone, deadline_on, reason, resolved_on "
	                          "FROM corrections WHERE case_id = ?1 ORDER BY seq";
	static const char items[] =
	    "SELECT text_zh, text_en FROM correction_items WHERE correction_id = ?1 ORDER BY seq";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (s)
		sqlite3_bind_int64(s, 1, case_id);
	enum err e = STMT_LIST(st, s, a, out, n, read_correction);
	for (size_t i = 0; i < *n && e == ERR_OK; i++) {
		struct items_ctx x = {.a = a, .c = &(*out)[i]};
		sqlite3_stmt *t = stmt_get(st, items);
		if (t)
			sqlite3_bind_int64(t, 1, x.c->id);
		e = stmt_each(st, t, correction_item_row, &x);
	}
	if (e != ERR_OK) {
		*out = NULL;
		*n = 0;
	}
	return e;
}

enum err store_correction_create(struct store *st, long long case_id, int seq, const char *issued_at,
                                 const char *issued_on, long long user_id, const char *officer,
                                 const char *officer_phone, const char *deadline_on, const char *reason,
                                 const char *const *items_zh, const char *const *items_en, size_t nitems, long long *id)
{
	static const char sql[] =
	    "INSERT INTO corrections (case_id, seq, issued_at, issued_on, issued_by, officer, officer_phone, "
	    "deadline_on, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	static const char item_sql[] =
	    "INSERT INTO correction_items (correction_id, seq, text_zh, text_en) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, case_id);
	sqlite3_bind_int(s, 2, seq);
	bind_str(s, 3, issued_at);
	bind_str(s, 4, issued_on);
	if (user_id)
		sqlite3_bind_int64(s, 5, user_id);
	bind_str(s, 6, officer);
	bind_str(s, 7, officer_phone);
	bind_str(s, 8, deadline_on);
	bind_str(s, 9, reason && *reason ? reason : NULL);
	enum err e = stmt_done(st, s);
	if (e != ERR_OK)
		return e;
	*id = sqlite3_last_insert_rowid(st->db);
	for (size_t i = 0; i < nitems && e == ERR_OK; i++) {
		s = stmt_get(st, item_sql);
		if (!s)
			return ERR_DB;
		sqlite3_bind_int64(s, 1, *id);
		sqlite3_bind_int(s, 2, (int)i + 1);
		bind_str(s, 3, items_zh[i]);
		bind_str(s, 4, items_en[i]);
		e = stmt_done(st, s);
	}
	return e;
}

enum err store_correction_resolve(struct store *st, long long case_id, const char *on)
{
	sqlite3_stmt *s =
	    stmt_get(st, "UPDATE corrections SET resolved_on = ?2 WHERE case_id = ?1 AND resolved_on IS NULL");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, case_id);
	bind_str(s, 2, on);
	return stmt_done(st, s);
}

struct due_ctx {
	struct store *st;
	const struct cal *c;
};

static enum err case_due_row(void *ctx, sqlite3_stmt *s)
{
	static const char upd[] = "UPDATE cases SET due_on = ?2 WHERE id = ?1 AND due_on <> ?2";
	struct due_ctx *d = ctx;
	int32_t rec;
	if (!cal_parse_iso((const char *)sqlite3_column_text(s, 1), &rec))
		return ERR_OK;
	char due[CAL_ISO_SIZE];
	cal_format_iso(cal_add_working_days(d->c, rec, sqlite3_column_int(s, 2)), due);
	sqlite3_stmt *u = stmt_get(d->st, upd);
	if (!u)
		return ERR_DB;
	sqlite3_bind_int64(u, 1, sqlite3_column_int64(s, 0));
	sqlite3_bind_text(u, 2, due, -1, SQLITE_TRANSIENT);
	return stmt_done(d->st, u);
}

enum err store_cases_recompute_due(struct store *st, const struct cal *c)
{
	static const char sel[] = "SELECT id, received_on, days + paused_days + ext_days FROM cases "
	                          "WHERE state IN ('received', 'review', 'correction')";
	struct due_ctx d = {st, c};
	return stmt_each(st, stmt_get(st, sel), case_due_row, &d);
}
