/*
 * reports.c -- SQL for the control report (see reports.h): one statement
 * per kind, every row counted by the same function.
 */
#include "store/reports.h"

#include <string.h>

#include "store/internal.h"

#define PUSH(a, arr, n, cap) arena_push((a), (void **)(arr), (n), &(cap), sizeof **(arr))

/* Columns: unit, its names, still open (0/1), received, due and closing dates, rating. */
static const char *const report_sql[IK__MAX] = {
    [IK_PETITION] = "SELECT p.unit, u.name_zh, u.name_en, p.state IN ('received', 'routed', 'assigned'), "
                    "p.received_on, p.due_on, p.closed_on, p.rating "
                    "FROM petitions p LEFT JOIN units u ON u.code = p.unit "
                    "WHERE p.received_on BETWEEN ?1 AND ?2 ORDER BY p.unit IS NULL, u.sort, p.unit",
    [IK_CASE] = "SELECT c.unit, u.name_zh, u.name_en, c.state IN ('received', 'review', 'correction'), "
                "c.received_on, c.due_on, c.decided_on, c.rating "
                "FROM cases c JOIN units u ON u.code = c.unit "
                "WHERE c.received_on BETWEEN ?1 AND ?2 ORDER BY u.sort, c.unit",
};

struct report_ctx {
	struct arena *a;
	const struct cal *c;
	int32_t today;
	struct report_row **out;
	size_t *n, cap;
};

/* Rows come ordered by unit: one report row per unit, counted as they pass. */
static enum err report_row(void *ctx, sqlite3_stmt *s)
{
	struct report_ctx *x = ctx;
	struct report_row *r = *x->n ? &(*x->out)[*x->n - 1] : NULL;
	const char *unit = (const char *)sqlite3_column_text(s, 0);
	if (!r || (unit == NULL) != (r->unit == NULL) || (unit && strcmp(unit, r->unit) != 0)) {
		r = PUSH(x->a, x->out, x->n, x->cap);
		r->unit = col_str(s, 0, x->a);
		r->unit_name[LANG_ZH] = col_str(s, 1, x->a);
		r->unit_name[LANG_EN] = col_str(s, 2, x->a);
	}
	r->received++;
	int32_t rec = CAL_DAY_INVALID, due = CAL_DAY_INVALID, closed = CAL_DAY_INVALID;
	cal_parse_iso((const char *)sqlite3_column_text(s, 4), &rec);
	cal_parse_iso((const char *)sqlite3_column_text(s, 5), &due);
	cal_parse_iso((const char *)sqlite3_column_text(s, 6), &closed);
	if (sqlite3_column_int(s, 3)) {
		r->open++;
		r->open_overdue += due != CAL_DAY_INVALID && due < x->today;
	} else if (closed != CAL_DAY_INVALID) {
		if (closed <= due)
			r->closed_on_time++;
		else
			r->closed_late++;
		int d = rec != CAL_DAY_INVALID ? cal_working_days_between(x->c, rec, closed) : 0;
		r->closed_days_total += d > 0 ? d : 0;
	}
	if (sqlite3_column_type(s, 7) != SQLITE_NULL) {
		r->rated++;
		r->rating_total += sqlite3_column_int(s, 7);
	}
	return ERR_OK;
}

enum err store_report(struct store *st, struct arena *a, enum item_kind kind, const struct cal *c, const char *from,
                      const char *to, int32_t today, struct report_row **out, size_t *n)
{
	sqlite3_stmt *s = kind == IK_PETITION || kind == IK_CASE ? stmt_get(st, report_sql[kind]) : NULL;
	*out = NULL;
	*n = 0;
	if (s) {
		bind_str(s, 1, from);
		bind_str(s, 2, to);
	}
	struct report_ctx x = {.a = a, .c = c, .today = today, .out = out, .n = n};
	enum err e = stmt_each(st, s, report_row, &x);
	if (e != ERR_OK) {
		*out = NULL;
		*n = 0;
	}
	return e;
}
