/*
 * staff.c -- signing in and out, the staff home page, and the calendar
 * administration page.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/clock.h"
#include "handlers/handlers.h"
#include "store/calendar.h"
#include "store/deadlines.h"
#include "store/staff.h"

/* Login throttling: per account and per client address, in a 15-minute window. */
enum { LOGIN_WINDOW = 15 * 60, LOGIN_MAX_PER_USER = 5, LOGIN_MAX_PER_ADDR = 20 };

/*
 * A safe place to go after signing in: our own staff pages only, as plain
 * printable ASCII ("/staff", "/staff/...", "/staff?..."; no "//", no
 * backslash).  Anything else -- a CR/LF that would split the Location
 * header, a space, a byte past ASCII -- is ignored, not repaired.
 */
static const char *safe_next(struct req *rq, const char *next)
{
	bool ok = next && strncmp(next, "/staff", 6) == 0 && (next[6] == '\0' || next[6] == '/' || next[6] == '?') &&
	          !strstr(next, "//") && !strchr(next, '\\');
	for (const char *p = next; ok && *p; p++)
		ok = *p > ' ' && *p < 0x7f;
	return url(rq, "%s", ok ? next : "/staff");
}

static void login_form(struct req *rq, struct resp *rs, int status, const char *error_key)
{
	struct tobj *v = view_new(rq, T(rq, "login_title"));
	tobj_str(v, "csrf", auth_csrf(rq));
	tobj_str(v, "next", req_field(rq, "next")->s);
	tobj_str(v, "username", req_field(rq, "username")->s);
	if (error_key)
		tobj_str(v, "error", T(rq, error_key));
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "login", v);
}

void h_login_form(struct req *rq, struct resp *rs)
{
	login_form(rq, rs, 200, NULL);
}

/* Minutes until the oldest counted failure leaves the window. */
static long minutes_left(struct store *st, const char *key, time_t now)
{
	time_t oldest = store_attempt_oldest(st, "login", key, now - LOGIN_WINDOW);
	long secs = oldest ? (long)(oldest + LOGIN_WINDOW - now) : LOGIN_WINDOW;
	return secs <= 0 ? 1 : (secs + 59) / 60;
}

void h_login(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	if (!st) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	const struct fval *user = req_field(rq, "username"), *pw = req_field(rq, "password");
	if (!user->present || !pw->present || user->err_key || pw->err_key) {
		login_form(rq, rs, 400, "login_missing");
		return;
	}
	time_t now = clock_now();
	const char *ukey = arena_printf(rq->arena, "user:%s", user->s);
	const char *akey = arena_printf(rq->arena, "addr:%s", rq->remote_addr ? rq->remote_addr : "-");
	const char *locked = NULL;
	if (store_attempt_count(st, "login", ukey, now - LOGIN_WINDOW) >= LOGIN_MAX_PER_USER)
		locked = ukey;
	else if (store_attempt_count(st, "login", akey, now - LOGIN_WINDOW) >= LOGIN_MAX_PER_ADDR)
		locked = akey;
	if (locked) {
		page_try_later(rq, rs, minutes_left(st, locked, now));
		auth_audit(rq, "login_throttled", ukey, NULL);
		return;
	}
	struct user_rec u;
	bool found = store_user_by_name(st, rq->arena, user->s, &u) == ERR_OK && u.active;
	/* verify against a fixed hash when there is no such user, so both take as long */
	bool ok = crypto_pwhash_str_verify(found ? u.pw_hash : auth_dummy_hash(), pw->s, pw->len) == 0 && found;
	if (!ok) {
		store_attempt_add(st, "login", ukey, now);
		store_attempt_add(st, "login", akey, now);
		auth_audit(rq, "login_failed", ukey, NULL);
		login_form(rq, rs, 403, "login_wrong");
		return;
	}
	if (auth_login(rq, &u) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	store_attempt_clear(st, "login", ukey);
	store_audit(st, u.id, u.username, "login", ukey, NULL, rq->remote_addr);
	page_redirect(rq, rs, safe_next(rq, req_field(rq, "next")->s));
}

void h_logout(struct req *rq, struct resp *rs)
{
	auth_audit(rq, "logout", NULL, NULL);
	auth_logout(rq);
	page_redirect(rq, rs, url(rq, "/staff/login"));
}

void h_staff_home(struct req *rq, struct resp *rs)
{
	struct tobj *v = view_new(rq, T(rq, "staff_title"));
	tobj_str(v, "role_label", T(rq, arena_printf(rq->arena, "role_%s", role_name(rq->sess->role))));
	view_text(rq, v, "unit_label", rq->sess->user.unit_name);
	staff_dashboard_view(rq, v);
	page_render(rq, rs, "staff_home", v);
}

void h_calendar_admin(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct year_rec *years;
	struct closure_rec *cl;
	size_t ny, nc;
	if (!st || store_calendar_years(st, rq->arena, &years, &ny) != ERR_OK ||
	    store_closures(st, rq->arena, &cl, &nc) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "cal_title"));
	struct tlist *yl = tobj_list(v, "years");
	for (size_t i = 0; i < ny; i++) {
		struct tobj *o = tlist_obj(yl);
		tobj_int(o, "year", years[i].year);
		tobj_int(o, "roc_year", years[i].year - 1911);
		tobj_int(o, "days", years[i].days);
		tobj_int(o, "open_days", years[i].open_days);
	}
	int y, m, d;
	cal_day_to_ymd(clock_office_day(clock_now()), &y, &m, &d);
	const struct cal *c = store_calendar(st);
	tobj_bool(v, "this_year_missing", c && !cal_year_known(c, y));
	tobj_bool(v, "next_year_missing", c && !cal_year_known(c, y + 1));
	tobj_int(v, "this_year", y);
	tobj_int(v, "next_year", y + 1);
	struct tlist *cll = tobj_list(v, "closures");
	for (size_t i = 0; i < nc; i++) {
		struct tobj *o = tlist_obj(cll);
		tobj_str(o, "day", cl[i].day);
		tobj_str(o, "reason", cl[i].reason);
		tobj_str(o, "by", cl[i].created_by);
	}
	const struct fval *ok = req_field(rq, "added");
	if (ok->present)
		tobj_str(v, "notice", T(rq, "cal_closure_added"));
	page_render(rq, rs, "calendar_admin", v);
}

void h_closure_add(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *day = req_field(rq, "day"), *reason = req_field(rq, "reason");
	int32_t d;
	if (!st) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	if (day->err_key || reason->err_key || !cal_parse_iso(day->s, &d)) {
		page_error(rq, rs, 400,
		           day->err_key      ? day->err_key
		           : reason->err_key ? reason->err_key
		                             : "err_bad_date");
		return;
	}
	if (store_begin(st) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	enum err e = store_closure_add(st, day->s, reason->s, rq->sess->user.username);
	if (e == ERR_OK)
		e = store_recompute_due(st);
	if (e == ERR_OK)
		e = store_audit(st, rq->sess->user.id, rq->sess->user.username, "closure_add",
		                arena_printf(rq->arena, "day:%s", day->s), reason->s, rq->remote_addr);
	if (store_finish(st, e) != ERR_OK) {
		page_error(rq, rs, e == ERR_CONFLICT ? 400 : 503,
		           e == ERR_CONFLICT ? "cal_closure_exists" : "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/admin/calendar?added=1"));
}
