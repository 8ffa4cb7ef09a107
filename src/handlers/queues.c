/*
 * queues.c -- the lists staff work from: petitions (mine, the unit's,
 * waiting for routing, the office's), the unit's open cases, the cases
 * assigned to me, the cases I took in today (the counter's list), and
 * finding cases by number or phone.
 */
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/cases.h"
#include "store/deadlines.h"
#include "store/petitions.h"

static const char *const views[] = {"mine", "unit", "routing", "office"};

/* The signed-in user's standing in the office (queues, dashboard counts). */
static bool is_router(const struct req *rq)
{
	struct actor who = auth_actor(rq);
	return access_routes(&who);
}

static bool office_wide(const struct req *rq)
{
	struct actor who = auth_actor(rq);
	return access_office_wide(&who);
}

/* The views this user may open, and the one shown by default. */
static bool view_allowed(const struct req *rq, const char *view)
{
	if (strcmp(view, "mine") == 0)
		return true;
	if (strcmp(view, "unit") == 0)
		return rq->sess->user.unit != NULL;
	if (strcmp(view, "routing") == 0)
		return is_router(rq);
	return strcmp(view, "office") == 0 && office_wide(rq);
}

static const char *default_view(const struct req *rq)
{
	if (is_router(rq))
		return "routing";
	if (rq->sess->user.role == ROLE_HEAD)
		return "unit";
	return "mine";
}

void h_petition_list(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *vf = req_val(rq, K_VIEW);
	const char *view = vf->present ? vf->s : default_view(rq);
	if (!view_allowed(rq, view)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	const char *unit = NULL;
	enum pet_state state = PS__MAX;
	long long officer = 0;
	if (strcmp(view, "mine") == 0)
		officer = rq->sess->user.id;
	else if (strcmp(view, "unit") == 0)
		unit = rq->sess->user.unit;
	else if (strcmp(view, "routing") == 0)
		state = PS_RECEIVED;
	struct petition_rec *ps;
	size_t n;
	if (store_petitions_open(st, rq->arena, unit, officer, state, &ps, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, arena_printf(rq->arena, "pet_view_%s", view)));
	struct tlist *tabs = tobj_list(v, "tabs");
	for (size_t i = 0; i < sizeof views / sizeof views[0]; i++) {
		if (!view_allowed(rq, views[i]))
			continue;
		struct tobj *o = tlist_obj(tabs);
		tobj_str(o, "href", url(rq, "/staff/petitions?view=%s", views[i]));
		tobj_str(o, "label", T(rq, arena_printf(rq->arena, "pet_view_%s", views[i])));
		tobj_bool(o, "current", strcmp(view, views[i]) == 0);
	}
	const struct cal *cal = store_calendar(st);
	int near = store_near_days(st);
	struct tlist *l = tobj_list(v, "petitions");
	for (size_t i = 0; i < n; i++)
		petition_summary_view(rq, tlist_obj(l), &ps[i], cal, near, false);
	tobj_int(v, "count", (long long)n);
	rs->no_store = true;
	page_render(rq, rs, "petition_list", v);
}

static void case_list_view(struct req *rq, struct store *st, struct tobj *v, const struct case_rec *cs, size_t n)
{
	const struct cal *cal = store_calendar(st);
	int near = store_near_days(st);
	struct tlist *l = tobj_list(v, "cases");
	for (size_t i = 0; i < n; i++)
		case_summary_view(rq, tlist_obj(l), &cs[i], cal, near, false);
	tobj_int(v, "count", (long long)n);
}

void h_case_find(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *q = req_val(rq, K_Q);
	struct tobj *v = view_new(rq, T(rq, "find_title"));
	tobj_str(v, "q", q->s);
	if (q->present) {
		char digits[32], no[32];
		ids_phone_digits(q->s, digits, sizeof digits);
		ids_number_upcase(q->s, no, sizeof no);
		struct case_rec *cs;
		size_t n;
		if (store_cases_find(st, rq->arena, no, strlen(digits) >= 8 ? digits : NULL, &cs, &n) == ERR_OK)
			case_list_view(rq, st, v, cs, n);
		tobj_bool(v, "searched", true);
		auth_audit(rq, "find", NULL, strlen(digits) >= 8 ? audit_phone(rq, q->s) : "by number");
	}
	rs->no_store = true;
	page_render(rq, rs, "case_find", v);
}

void h_queue(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *unit = rq->sess->user.unit;
	if (rq->sess->user.role == ROLE_ADMIN || (rq->sess->user.role == ROLE_HEAD && !unit))
		unit = NULL;
	struct case_rec *cs;
	size_t n;
	if (store_cases_open(st, rq->arena, unit, 0, &cs, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "queue_title"));
	view_text(rq, v, "unit_name", rq->sess->user.unit_name);
	case_list_view(rq, st, v, cs, n);
	rs->no_store = true;
	page_render(rq, rs, "queue", v);
}

/* A list of cases under the title title_key; e: how loading them went. */
static void case_queue_page(struct req *rq, struct resp *rs, struct store *st, const char *title_key, enum err e,
                            const struct case_rec *cs, size_t n)
{
	if (e != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, title_key));
	case_list_view(rq, st, v, cs, n);
	rs->no_store = true;
	page_render(rq, rs, "queue", v);
}

void h_queue_mine(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec *cs = NULL;
	size_t n = 0;
	enum err e = store_cases_open(st, rq->arena, NULL, rq->sess->user.id, &cs, &n);
	case_queue_page(rq, rs, st, "queue_mine_title", e, cs, n);
}

void h_queue_today(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec *cs = NULL;
	size_t n = 0;
	enum err e = store_cases_taken_in(st, rq->arena, rq->sess->user.id, clock_today_iso(rq->arena), &cs, &n);
	case_queue_page(rq, rs, st, "queue_today_title", e, cs, n);
}
