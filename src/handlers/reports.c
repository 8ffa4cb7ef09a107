/*
 * reports.c -- the control report (管制考核) of petitions and of
 * applications (申辦案件) per unit and month,
 * as a printable page and as CSV (UTF-8 with a BOM, so spreadsheet
 * programs read the Chinese right); and the audit log page (who saw or
 * changed whose data, when, from where), with the same CSV.
 *
 * Definitions (docs/deadlines.md): the petitions (applications) received in the month,
 * by unit; of them, closed on time (closed on or before the due date in
 * force, extensions included) or late, still open, open and overdue as of
 * today; the average working days from receipt to closing; the average
 * satisfaction rating and how many rated.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "handlers/handlers.h"
#include "store/calendar.h"
#include "store/reports.h"
#include "store/staff.h"

struct month {
	int y, m;
	char from[CAL_ISO_SIZE], to[CAL_ISO_SIZE], label[16];
};

/* "2026-02" (or this month when absent) into its first and last day; false when malformed. */
static bool parse_month(const struct fval *f, struct month *out)
{
	int y, m, d;
	cal_day_to_ymd(clock_office_day(clock_now()), &y, &m, &d);
	if (f->present) {
		char extra;
		if (strlen(f->s) != 7 || sscanf(f->s, "%4d-%2d%c", &y, &m, &extra) != 2 || !cal_valid_ymd(y, m, 1) ||
		    y < 1912)
			return false;
	}
	out->y = y;
	out->m = m;
	int32_t first = cal_ymd_to_day(y, m, 1);
	int32_t next = m == 12 ? cal_ymd_to_day(y + 1, 1, 1) : cal_ymd_to_day(y, m + 1, 1);
	cal_format_iso(first, out->from);
	cal_format_iso(next - 1, out->to);
	snprintf(out->label, sizeof out->label, "%04d-%02d", y, m);
	return true;
}

static const char *avg(struct arena *a, int total, int n)
{
	return n ? arena_printf(a, "%.1f", (double)total / n) : "";
}

static bool load(struct req *rq, struct resp *rs, enum item_kind kind, struct month *mo, struct report_row **rows,
                 size_t *n)
{
	struct store *st = req_store(rq);
	if (!parse_month(req_val(rq, K_MONTH), mo)) {
		page_error(rq, rs, 400, "err_report_month");
		return false;
	}
	const struct cal *cal = store_calendar(st);
	if (store_report(st, rq->arena, kind, cal, mo->from, mo->to, clock_office_day(clock_now()), rows, n) !=
	    ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return false;
	}
	return true;
}

static const char *unit_label(struct req *rq, const struct report_row *r)
{
	return r->unit ? pick(rq, r->unit_name) : T(rq, "pet_unrouted");
}

/* What tells the two reports apart: the title, what it counts, the address (without .csv) and the CSV's name. */
struct report_kind {
	enum item_kind kind;
	const char *title_key, *definitions_key, *path, *file;
};
static const struct report_kind petition_report = {IK_PETITION, "report_title", "report_definitions",
                                                   "/staff/reports/petitions", "petitions"};
static const struct report_kind case_report = {IK_CASE, "case_report_title", "case_report_definitions",
                                               "/staff/reports/cases", "cases"};

static void report_page(struct req *rq, struct resp *rs, const struct report_kind *k)
{
	struct month mo;
	struct report_row *rows;
	size_t n;
	if (!load(rq, rs, k->kind, &mo, &rows, &n))
		return;
	struct tobj *v = view_new(rq, T(rq, k->title_key));
	tobj_str(v, "month", mo.label);
	tobj_str(v, "form_action", url(rq, "%s", k->path));
	tobj_str(v, "definitions", T(rq, k->definitions_key));
	tobj_str(v, "csv_href", url(rq, "%s.csv?month=%s", k->path, mo.label));
	struct report_row sum = {0};
	struct tlist *l = tobj_list(v, "rows");
	for (size_t i = 0; i <= n; i++) {
		const struct report_row *r = i < n ? &rows[i] : &sum;
		struct tobj *o = i < n ? tlist_obj(l) : tobj_new(rq->arena);
		tobj_str(o, "unit", i < n ? unit_label(rq, r) : T(rq, "report_total"));
		tobj_int(o, "received", r->received);
		tobj_int(o, "on_time", r->closed_on_time);
		tobj_int(o, "late", r->closed_late);
		tobj_int(o, "open", r->open);
		tobj_int(o, "overdue", r->open_overdue);
		tobj_str(o, "avg_days", avg(rq->arena, r->closed_days_total, r->closed_on_time + r->closed_late));
		tobj_str(o, "avg_rating", avg(rq->arena, r->rating_total, r->rated));
		tobj_int(o, "rated", r->rated);
		if (i == n) {
			tobj_obj(v, "total", o);
			break;
		}
		sum.received += r->received;
		sum.closed_on_time += r->closed_on_time;
		sum.closed_late += r->closed_late;
		sum.open += r->open;
		sum.open_overdue += r->open_overdue;
		sum.closed_days_total += r->closed_days_total;
		sum.rated += r->rated;
		sum.rating_total += r->rating_total;
	}
	tobj_bool(v, "empty", n == 0);
	rs->no_store = true;
	page_render(rq, rs, "report", v);
}

void h_petition_report(struct req *rq, struct resp *rs)
{
	report_page(rq, rs, &petition_report);
}

void h_case_report(struct req *rq, struct resp *rs)
{
	report_page(rq, rs, &case_report);
}

static void report_csv(struct req *rq, struct resp *rs, const struct report_kind *k)
{
	struct month mo;
	struct report_row *rows;
	size_t n;
	if (!load(rq, rs, k->kind, &mo, &rows, &n))
		return;
	static const char *const head[] = {"report_unit",     "report_received", "report_on_time",
	                                   "report_late",     "report_open",     "report_overdue",
	                                   "report_avg_days", "report_rated",    "report_avg_rating"};
	struct buf *b = &rs->body;
	buf_reset(b);
	buf_puts(b, "\xEF\xBB\xBF");
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		buf_put_csv(b, T(rq, head[i]), i + 1 == sizeof head / sizeof head[0]);
	for (size_t i = 0; i < n; i++) {
		const struct report_row *r = &rows[i];
		struct arena *a = rq->arena;
		buf_put_csv(b, unit_label(rq, r), false);
		buf_put_csv(b, arena_printf(a, "%d", r->received), false);
		buf_put_csv(b, arena_printf(a, "%d", r->closed_on_time), false);
		buf_put_csv(b, arena_printf(a, "%d", r->closed_late), false);
		buf_put_csv(b, arena_printf(a, "%d", r->open), false);
		buf_put_csv(b, arena_printf(a, "%d", r->open_overdue), false);
		buf_put_csv(b, avg(a, r->closed_days_total, r->closed_on_time + r->closed_late), false);
		buf_put_csv(b, arena_printf(a, "%d", r->rated), false);
		buf_put_csv(b, avg(a, r->rating_total, r->rated), true);
	}
	rs->status = 200;
	rs->content_type = "text/csv; charset=utf-8";
	rs->no_store = true;
	resp_header(rs, "Content-Disposition",
	            arena_printf(rq->arena, "attachment; filename=\"%s-%s.csv\"", k->file, mo.label));
	auth_audit(rq, "report_csv", arena_printf(rq->arena, "report:%s:%s", k->file, mo.label), NULL);
}

void h_petition_report_csv(struct req *rq, struct resp *rs)
{
	report_csv(rq, rs, &petition_report);
}

void h_case_report_csv(struct req *rq, struct resp *rs)
{
	report_csv(rq, rs, &case_report);
}

/* ---- the audit log ---- */

enum { AUDIT_PAGE = 50, AUDIT_CSV_MAX = 10000, AUDIT_MAX_PAGE = 10000 };

/* s percent-encoded for a query string (everything but A-Z a-z 0-9 - . _ ~). */
static const char *query_escape(struct arena *a, const char *s)
{
	struct buf b = {0};
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p))
			buf_putc(&b, (char)*p);
		else
			buf_printf(&b, "%%%02X", *p);
	}
	const char *out = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return out;
}

/*
 * The filter from the form, and whose rows this user may read: a unit head
 * the rows about their unit's records or by their unit's staff, the office
 * head and administrators every row (access_office_wide).  *qs gets the
 * filter as a query string for the page links and the CSV.
 */
static void audit_filter(struct req *rq, struct audit_filter *f, const char **qs)
{
	static const enum key keys[] = {K_WHO, K_RECORD, K_FROM, K_TO};
	struct actor who = auth_actor(rq);
	memset(f, 0, sizeof *f);
	f->unit = access_office_wide(&who) ? NULL : who.unit;
	f->username = req_val(rq, K_WHO)->s;
	f->object = req_val(rq, K_RECORD)->s;
	f->from = req_val(rq, K_FROM)->s;
	f->to = req_val(rq, K_TO)->s;
	const char *q = "";
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const struct fval *v = req_val(rq, keys[i]);
		if (v->present)
			q = arena_printf(rq->arena, "%s%s=%s", q, key_name(keys[i]), query_escape(rq->arena, v->s));
		if (v->present && i + 1 < sizeof keys / sizeof keys[0])
			q = arena_printf(rq->arena, "%s&", q);
	}
	*qs = q;
}

void h_audit(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct audit_filter f;
	const char *qs;
	audit_filter(rq, &f, &qs);
	const struct fval *pf = req_val(rq, K_PAGE);
	int page = pf->present && pf->i > 0 ? (int)pf->i : 1;
	struct audit_rec *rows;
	size_t n;
	/* one row more than a page tells whether there is a next page */
	if (store_audit_search(st, rq->arena, &f, AUDIT_PAGE + 1, (page - 1) * AUDIT_PAGE, &rows, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "audit_title"));
	tobj_str(v, "who", f.username);
	tobj_str(v, "record", f.object);
	tobj_str(v, "from", f.from);
	tobj_str(v, "to", f.to);
	if (f.unit)
		view_text(rq, v, "scope", rq->sess->user.unit_name);
	else
		tobj_str(v, "scope", T(rq, "audit_scope_all"));
	tobj_str(v, "csv_href", url(rq, "/staff/audit.csv?%s", qs));
	struct tlist *l = tobj_list(v, "rows");
	for (size_t i = 0; i < n && i < AUDIT_PAGE; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "at", rows[i].at);
		tobj_str(o, "username", rows[i].username);
		tobj_str(o, "action", rows[i].action);
		tobj_str(o, "object", rows[i].object);
		view_data(rq, o, "detail", rows[i].detail);
		tobj_str(o, "ip", rows[i].ip);
	}
	tobj_bool(v, "empty", n == 0);
	tobj_int(v, "page", page);
	if (page > 1)
		tobj_str(v, "prev_href", url(rq, "/staff/audit?%s%spage=%d", qs, *qs ? "&" : "", page - 1));
	if (n > AUDIT_PAGE && page < AUDIT_MAX_PAGE)
		tobj_str(v, "next_href", url(rq, "/staff/audit?%s%spage=%d", qs, *qs ? "&" : "", page + 1));
	rs->no_store = true;
	page_render(rq, rs, "audit", v);
}

void h_audit_csv(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct audit_filter f;
	const char *qs;
	audit_filter(rq, &f, &qs);
	struct audit_rec *rows;
	size_t n;
	if (store_audit_search(st, rq->arena, &f, AUDIT_CSV_MAX, 0, &rows, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	static const char *const head[] = {"audit_at",     "audit_who",    "audit_action",
	                                   "audit_record", "audit_detail", "audit_ip"};
	enum { NHEAD = sizeof head / sizeof head[0] };
	struct buf *b = &rs->body;
	buf_reset(b);
	buf_puts(b, "\xEF\xBB\xBF");
	for (size_t i = 0; i < NHEAD; i++)
		buf_put_csv(b, T(rq, head[i]), i + 1 == NHEAD);
	for (size_t i = 0; i < n; i++) {
		const char *cells[NHEAD] = {rows[i].at,     rows[i].username, rows[i].action,
		                            rows[i].object, rows[i].detail,   rows[i].ip};
		for (size_t k = 0; k < NHEAD; k++)
			buf_put_csv(b, cells[k] ? cells[k] : "", k + 1 == NHEAD);
	}
	rs->status = 200;
	rs->content_type = "text/csv; charset=utf-8";
	rs->no_store = true;
	resp_header(rs, "Content-Disposition", "attachment; filename=\"audit.csv\"");
	/* exporting the log is itself a look at whose data was seen */
	auth_audit(rq, "audit_csv", NULL, qs);
}
