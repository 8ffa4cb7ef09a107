/*
 * calendar.c -- SQL for the office calendar (see calendar.h).
 */
#include <stdio.h>
#include <string.h>

#include "store/calendar.h"
#include "store/internal.h"

static long long calendar_gen(struct store *st)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT gen FROM calendar_gen WHERE id = 1");
	long long g = (s && sqlite3_step(s) == SQLITE_ROW) ? sqlite3_column_int64(s, 0) : -1;
	if (s)
		sqlite3_reset(s);
	return g;
}

static enum err open_day_row(void *ctx, sqlite3_stmt *s)
{
	int32_t day;
	if (cal_parse_iso((const char *)sqlite3_column_text(s, 0), &day))
		cal_set_day(ctx, day, sqlite3_column_int(s, 1) != 0);
	return ERR_OK;
}

static enum err closure_row(void *ctx, sqlite3_stmt *s)
{
	int32_t day;
	if (cal_parse_iso((const char *)sqlite3_column_text(s, 0), &day))
		cal_close_day(ctx, day);
	return ERR_OK;
}

const struct cal *store_calendar(struct store *st)
{
	long long gen = calendar_gen(st);
	if (gen < 0)
		return NULL;
	if (st->cal && st->cal_gen == gen)
		return st->cal;
	struct cal *c = cal_new();
	enum err e = stmt_each(st, stmt_get(st, "SELECT day, open FROM calendar_days"), open_day_row, c);
	if (e == ERR_OK)
		e = stmt_each(st, stmt_get(st, "SELECT day FROM closures"), closure_row, c);
	if (e != ERR_OK) {
		/* a calendar missing days would move due dates; never keep one */
		cal_free(c);
		return NULL;
	}
	cal_free(st->cal);
	st->cal = c;
	st->cal_gen = gen;
	return c;
}

struct import_ctx {
	struct store *st;
	sqlite3_stmt *ins;
	size_t rows;
};

static enum err import_row(void *ctx, int32_t day, bool open, const char *note)
{
	struct import_ctx *ic = ctx;
	char iso[CAL_ISO_SIZE];
	cal_format_iso(day, iso);
	sqlite3_reset(ic->ins);
	sqlite3_bind_text(ic->ins, 1, iso, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(ic->ins, 2, open);
	bind_str(ic->ins, 3, note);
	if (sqlite3_step(ic->ins) != SQLITE_DONE)
		return ERR_DB;
	ic->rows++;
	return ERR_OK;
}

enum err store_calendar_import(struct store *st, const char *data, size_t len, size_t *rows, char *err, size_t errsz)
{
	static const char sql[] = "INSERT INTO calendar_days (day, open, note) VALUES (?1, ?2, ?3) "
	                          "ON CONFLICT(day) DO UPDATE SET open = excluded.open, note = excluded.note";
	/* validate the whole file before touching the database */
	enum err e = cal_parse_csv(data, len, NULL, NULL, err, errsz);
	if (e != ERR_OK)
		return e;
	struct import_ctx ic = {.st = st, .ins = stmt_get(st, sql)};
	if (!ic.ins)
		return ERR_DB;
	if (store_begin(st) == ERR_OK) {
		e = cal_parse_csv(data, len, import_row, &ic, err, errsz);
		sqlite3_reset(ic.ins);
		store_fail(st, e);
	}
	e = store_finish(st);
	if (e != ERR_OK) {
		if (e == ERR_DB)
			snprintf(err, errsz, "%s", store_errmsg(st));
		return e;
	}
	*rows = ic.rows;
	return ERR_OK;
}

static void read_year(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct year_rec *y = item;
	(void)a;
	y->year = sqlite3_column_int(s, 0);
	y->days = sqlite3_column_int(s, 1);
	y->open_days = sqlite3_column_int(s, 2);
}

enum err store_calendar_years(struct store *st, struct arena *a, struct year_rec **out, size_t *n)
{
	static const char sql[] = "SELECT substr(day, 1, 4) AS y, count(*), sum(open) FROM calendar_days "
	                          "GROUP BY y ORDER BY y";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_year);
}

static void read_closure(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct closure_rec *c = item;
	c->day = col_str(s, 0, a);
	c->reason = col_str(s, 1, a);
	c->created_by = col_str(s, 2, a);
}

enum err store_closures(struct store *st, struct arena *a, struct closure_rec **out, size_t *n)
{
	return STMT_LIST(st, stmt_get(st, "SELECT day, reason, created_by FROM closures ORDER BY day DESC"), a, out, n,
	                 read_closure);
}

enum err store_closure_add(struct store *st, const char *day, const char *reason, const char *by)
{
	sqlite3_stmt *s = stmt_get(st, "INSERT INTO closures (day, reason, created_by) VALUES (?1, ?2, ?3)");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, day);
	bind_str(s, 2, reason);
	bind_str(s, 3, by);
	return stmt_done(st, s);
}
