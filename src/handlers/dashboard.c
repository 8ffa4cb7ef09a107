/*
 * dashboard.c -- the staff home page's counts (cases and petitions for the
 * user's unit, and the office's for those who see it all) and the
 * scheduler's notifications, with marking them read.
 */
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/petition.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/cases.h"
#include "store/deadlines.h"
#include "store/flags.h"
#include "store/petitions.h"

static void put_counts(struct tobj *o, int open, int near, int today, int overdue)
{
	tobj_int(o, "open", open);
	tobj_int(o, "near", near);
	tobj_int(o, "today", today);
	tobj_int(o, "overdue", overdue);
}

/* One of the scheduler's notifications on the dashboard. */
static void notification_view(struct req *rq, struct tobj *r, const struct notification_rec *n)
{
	tobj_int(r, "id", n->id);
	tobj_str(r, "tier_label", T(rq, arena_printf(rq->arena, "tier_%s", n->tier)));
	tobj_str(r, "tier", n->tier);
	bool faq = strcmp(n->item_kind, "faq") == 0;
	if (faq || strcmp(n->item_kind, "service") == 0) {
		/* an FAQ entry or a notice sheet due for review: its title, linked to its editor (a deleted one: the
		 * list) */
		bool gone = !n->item_no;
		const char *area = faq ? "faq" : "services";
		tobj_str(r, "no", gone ? T(rq, "notif_faq_gone") : pick(rq, n->title));
		if (!gone)
			view_text(rq, r, "title", n->title);
		tobj_str(r, "href", gone ? url(rq, "/staff/%s", area) : url(rq, "/staff/%s/%s/edit", area, n->item_no));
		tobj_str(r, "kind_label", T(rq, faq ? "notif_faq" : "notif_service"));
		tobj_str(r, "reviewed", view_date(rq, n->ref));
	} else {
		bool pet = strcmp(n->item_kind, "petition") == 0;
		tobj_str(r, "no", n->item_no);
		tobj_str(r, "href", url(rq, pet ? "/staff/petitions/%s" : "/staff/cases/%s", n->item_no));
		tobj_str(r, "kind_label", T(rq, pet ? "pet_title" : "case_title"));
		tobj_str(r, "due", strcmp(n->tier, "extension") ? view_date(rq, n->ref) : NULL);
	}
	tobj_str(r, "at", view_time(rq, n->created_at));
	tobj_bool(r, "unread", !n->read_at);
	tobj_str(r, "read_action", url(rq, "/staff/notifications/%lld/read", n->id));
}

/* The petition counts and the scheduler's notifications. */
static void petition_dashboard_view(struct req *rq, struct tobj *v)
{
	struct store *st = req_store(rq);
	struct petition_counts *cs;
	size_t n;
	const struct session *s = rq->sess;
	int32_t today = clock_office_day(clock_now());
	char t_iso[CAL_ISO_SIZE], near_iso[CAL_ISO_SIZE];
	cal_format_iso(today, t_iso);
	cal_format_iso(deadline_near_until(store_calendar(st), today, store_near_days(st)), near_iso);
	if (store_petition_counts(st, rq->arena, t_iso, near_iso, s->user.id, &cs, &n) != ERR_OK)
		return;
	int mine[4] = {0}, all[4] = {0}, routing = 0, ext_waiting = 0;
	struct actor who = auth_actor(rq);
	bool office = access_office_wide(&who);
	struct tobj *units_o = tobj_new(rq->arena);
	struct tlist *rows = tobj_list(units_o, "rows");
	for (size_t i = 0; i < n; i++) {
		const struct petition_counts *c = &cs[i];
		int m[4] = {c->mine, c->mine_near, c->mine_today, c->mine_overdue};
		int u[4] = {c->open, c->near, c->today, c->overdue};
		for (int k = 0; k < 4; k++) {
			mine[k] += m[k];
			all[k] += u[k];
		}
		routing += c->unrouted;
		if (access_office_head(&who) || access_unit_head(&who, c->unit))
			ext_waiting += c->ext_waiting;
		if (s->user.unit && c->unit && strcmp(c->unit, s->user.unit) == 0) {
			struct tobj *o = tobj_new(rq->arena);
			put_counts(o, c->open, c->near, c->today, c->overdue);
			tobj_obj(v, "pet_unit", o);
		}
		if (office) {
			struct tobj *r = tlist_obj(rows);
			if (c->unit)
				view_text(rq, r, "unit_name", c->unit_name);
			else
				tobj_str(r, "unit_name", T(rq, "pet_unrouted"));
			put_counts(r, c->open, c->near, c->today, c->overdue);
		}
	}
	struct tobj *o = tobj_new(rq->arena);
	put_counts(o, mine[0], mine[1], mine[2], mine[3]);
	tobj_obj(v, "pet_mine", o);
	if (s->user.unit && !tobj_get(v, "pet_unit")) {
		o = tobj_new(rq->arena);
		put_counts(o, 0, 0, 0, 0);
		tobj_obj(v, "pet_unit", o);
	}
	if (office) {
		put_counts(units_o, all[0], all[1], all[2], all[3]);
		tobj_obj(v, "pet_office", units_o);
	}
	if (access_routes(&who))
		tobj_int(v, "pet_routing", routing);
	if (s->user.role == ROLE_HEAD)
		tobj_int(v, "pet_ext_waiting", ext_waiting);

	/* notifications from the scheduler */
	struct notification_rec *ns;
	size_t nn;
	if (store_notifications(st, rq->arena, s->user.id, 20, &ns, &nn) == ERR_OK) {
		struct tlist *l = tobj_list(v, "notifications");
		for (size_t i = 0; i < nn; i++)
			notification_view(rq, tlist_obj(l), &ns[i]);
		tobj_int(v, "unread", store_notifications_unread(st, s->user.id));
	}
}

void staff_dashboard_view(struct req *rq, struct tobj *v)
{
	petition_dashboard_view(rq, v);
	struct store *st = req_store(rq);
	struct case_rec *cs;
	size_t n;
	const char *unit = rq->sess->user.role == ROLE_ADMIN ? NULL : rq->sess->user.unit;
	if (store_cases_open(st, rq->arena, unit, 0, &cs, &n) != ERR_OK)
		return;
	const struct cal *cal = store_calendar(st);
	int near = store_near_days(st);
	long long soon = 0, today = 0, over = 0;
	for (size_t i = 0; i < n; i++) {
		const char *f = case_due_flag(cal, near, cs[i].state, cs[i].due_on);
		soon += f && strcmp(f, "due_soon") == 0;
		today += f && strcmp(f, "due_today") == 0;
		over += f && strcmp(f, "overdue") == 0;
	}
	tobj_int(v, "open_cases", (long long)n);
	tobj_int(v, "cases_due_soon", soon);
	tobj_int(v, "cases_due_today", today);
	tobj_int(v, "cases_overdue", over);
	int y, m, d;
	cal_day_to_ymd(clock_office_day(clock_now()), &y, &m, &d);
	tobj_bool(v, "calendar_missing", cal && !cal_year_known(cal, y));
	tobj_int(v, "year", y);
}

void h_notification_read(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	char *end;
	long long id = strtoll(req_cap(rq, 0), &end, 10);
	if (*end || id <= 0) {
		page_error(rq, rs, 404, "err_not_found");
		return;
	}
	enum err e = store_notification_read(st, rq->sess->user.id, id, clock_now_iso(rq->arena));
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_not_found");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff#notifications"));
}

void h_notifications_read_all(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	if (store_notifications_read_all(st, rq->sess->user.id, clock_now_iso(rq->arena)) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff#notifications"));
}
