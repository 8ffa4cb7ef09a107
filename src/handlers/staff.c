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
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/deadlines.h"
#include "store/staff.h"

/*
 * Sign-in throttling in a 15-minute window, counted before the password is
 * checked.  Per account and address, so an attacker's address cannot lock
 * the real person out from theirs; per account alone, a much higher brake
 * on guessing spread over many addresses; per address alone, a brake on
 * one address trying many accounts.  See docs/security.md.
 */
enum { LOGIN_WINDOW = 15 * 60, LOGIN_MAX_PAIR = 5, LOGIN_MAX_USER = 50, LOGIN_MAX_ADDR = 20 };

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
	tobj_str(v, "next", req_val(rq, K_NEXT)->s);
	tobj_str(v, "username", req_val(rq, K_USERNAME)->s);
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

/* One sign-in attempt (a password checked for an account) and the limits it counts against. */
struct signin {
	time_t at;
	const char *ukey; /* "user:NAME" */
	struct attempt_limit lim[3];
};

/*
 * A password check costs one attempt, taken before the password is
 * checked; a refused one (over a limit, or the store cannot record it)
 * checks nothing and writes nothing, and answers the same whatever the
 * password.  False when the answer is already in rs.
 */
static bool signin_take(struct req *rq, struct resp *rs, struct store *st, const char *username, struct signin *si)
{
	const char *addr = rq->remote_addr ? rq->remote_addr : "-";
	si->at = clock_now();
	si->ukey = arena_printf(rq->arena, "user:%s", username);
	si->lim[0] = (struct attempt_limit){arena_printf(rq->arena, "addr:%s|%s", addr, si->ukey), LOGIN_MAX_PAIR};
	si->lim[1] = (struct attempt_limit){si->ukey, LOGIN_MAX_USER};
	si->lim[2] = (struct attempt_limit){arena_printf(rq->arena, "addr:%s", addr), LOGIN_MAX_ADDR};
	long retry_s;
	enum err e = store_attempt_take(st, "login", si->lim, 3, si->at, LOGIN_WINDOW, &retry_s);
	if (e == ERR_LIMIT) {
		page_try_later(rq, rs, (retry_s + 59) / 60);
	} else if (e != ERR_OK) {
		fprintf(stderr, "bianmin: sign-in refused, cannot record the attempt: %s\n", store_errmsg(st));
		page_error(rq, rs, 503, "err_unavailable");
	}
	return e == ERR_OK;
}

/*
 * The password was right: gives the attempt back and clears this address's
 * failures for the account (in the caller's transaction).
 */
static enum err signin_done(struct store *st, const struct signin *si)
{
	enum err e = store_attempt_undo(st, "login", si->lim + 1, 2, si->at);
	return e == ERR_OK ? store_attempt_clear(st, "login", si->lim[0].key) : e;
}

/*
 * The password was wrong: the attempt stays, with an audit row.  False
 * (503 in rs) when that row cannot be written, as when the attempt could
 * not be: a right password would get 503 too.
 */
static bool signin_failed(struct req *rq, struct resp *rs, const struct signin *si, const char *action)
{
	if (auth_audit(rq, action, si->ukey, NULL) == ERR_OK)
		return true;
	page_error(rq, rs, 503, "err_unavailable");
	return false;
}

void h_login(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *user = req_val(rq, K_USERNAME), *pw = req_val(rq, K_PASSWORD);
	if (!user->present || !pw->present || user->err_key || pw->err_key) {
		login_form(rq, rs, 400, "login_missing");
		return;
	}
	struct signin si;
	if (!signin_take(rq, rs, st, user->s, &si))
		return;
	struct user_rec u;
	bool found = store_user_by_name(st, rq->arena, user->s, &u) == ERR_OK && u.active;
	/* verify against a hash of the same cost when there is no such user, so both take as long */
	bool ok = password_verify(found ? u.pw_hash : auth_dummy_hash(), pw->s, pw->len) && found;
	if (!ok) {
		if (signin_failed(rq, rs, &si, "login_failed"))
			login_form(rq, rs, 403, "login_wrong");
		return;
	}
	store_begin(st);
	auth_login(rq, &u);
	signin_done(st, &si);
	store_audit(st, u.id, u.username, "login", si.ukey, NULL, rq->remote_addr);
	if (store_finish(st) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, safe_next(rq, req_val(rq, K_NEXT)->s));
}

void h_logout(struct req *rq, struct resp *rs)
{
	auth_audit(rq, "logout", NULL, NULL);
	auth_logout(rq);
	page_redirect(rq, rs, url(rq, "/staff/login"));
}

/* A staff member's own password: the current one, then the new one twice. */
static void password_form(struct req *rq, struct resp *rs, int status, const char *error_key)
{
	struct tobj *v = view_new(rq, T(rq, "pw_title"));
	if (error_key) {
		tobj_str(v, "error", T(rq, error_key));
		/* the message is tied to the field it is about */
		bool about_new = strcmp(error_key, "pw_short") == 0 || strcmp(error_key, "pw_mismatch") == 0;
		tobj_bool(v, about_new ? "error_new" : "error_current", true);
	}
	if (req_val(rq, K_DONE)->present)
		tobj_str(v, "notice", T(rq, "pw_changed"));
	tobj_int(v, "min", PASSWORD_MIN);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "password", v);
}

void h_password_form(struct req *rq, struct resp *rs)
{
	password_form(rq, rs, 200, NULL);
}

/*
 * Changes the signed-in user's password.  The current password is checked
 * and throttled like a sign-in.  Every session of the user ends (a stolen
 * one too); this browser gets a new one.
 */
void h_password_change(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *cur = req_val(rq, K_CURRENT), *pw = req_val(rq, K_NEW), *again = req_val(rq, K_AGAIN);
	if (!cur->present || !pw->present || !again->present || cur->err_key || pw->err_key || again->err_key) {
		password_form(rq, rs, 422, "pw_missing");
		return;
	}
	if (strlen(pw->s) < PASSWORD_MIN || strcmp(pw->s, again->s) != 0) {
		password_form(rq, rs, 422, strlen(pw->s) < PASSWORD_MIN ? "pw_short" : "pw_mismatch");
		return;
	}
	const struct user_rec *u = &rq->sess->user;
	struct signin si;
	if (!signin_take(rq, rs, st, u->username, &si))
		return;
	if (!password_verify(u->pw_hash, cur->s, cur->len)) {
		if (signin_failed(rq, rs, &si, "password_failed"))
			password_form(rq, rs, 403, "pw_wrong");
		return;
	}
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash(pw->s, hash) != 0) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	store_begin(st);
	store_user_set_password(st, u->id, hash);
	store_sessions_end_user(st, u->id);
	auth_login(rq, u);
	signin_done(st, &si);
	store_audit(st, u->id, u->username, "password_change", si.ukey, NULL, rq->remote_addr);
	if (store_finish(st) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/password?done=1"));
}

void h_staff_home(struct req *rq, struct resp *rs)
{
	struct tobj *v = view_new(rq, T(rq, "staff_title"));
	tobj_str(v, "role_label", T(rq, arena_printf(rq->arena, "role_%s", role_name(rq->sess->user.role))));
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
	if (store_calendar_years(st, rq->arena, &years, &ny) != ERR_OK ||
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
	struct tlist *missing = tobj_list(v, "missing_years"); /* this year's and next year's calendars */
	for (int k = 0; k < 2; k++)
		if (c && !cal_year_known(c, y + k))
			tobj_int(tlist_obj(missing), "year", y + k);
	struct tlist *cll = tobj_list(v, "closures");
	for (size_t i = 0; i < nc; i++) {
		struct tobj *o = tlist_obj(cll);
		tobj_str(o, "day", cl[i].day);
		tobj_str(o, "reason", cl[i].reason);
		tobj_str(o, "by", cl[i].created_by);
	}
	const struct fval *ok = req_val(rq, K_ADDED);
	if (ok->present)
		tobj_str(v, "notice", T(rq, "cal_closure_added"));
	page_render(rq, rs, "calendar_admin", v);
}

void h_closure_add(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *day = req_val(rq, K_DAY), *reason = req_val(rq, K_REASON);
	int32_t d;
	if (day->err_key || reason->err_key || !cal_parse_iso(day->s, &d)) {
		page_error(rq, rs, 400,
		           day->err_key      ? day->err_key
		           : reason->err_key ? reason->err_key
		                             : "err_bad_date");
		return;
	}
	store_begin(st);
	store_closure_add(st, day->s, reason->s, rq->sess->user.username);
	store_recompute_due(st);
	store_audit(st, rq->sess->user.id, rq->sess->user.username, "closure_add",
	            arena_printf(rq->arena, "day:%s", day->s), reason->s, rq->remote_addr);
	enum err e = store_finish(st);
	if (e != ERR_OK) {
		page_error(rq, rs, e == ERR_CONFLICT ? 400 : 503,
		           e == ERR_CONFLICT ? "cal_closure_exists" : "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/admin/calendar?added=1"));
}
