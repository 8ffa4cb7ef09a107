/*
 * petition_page.c -- one petition as staff see it: its facts, outcome,
 * extensions and history, the forms this user may use on it, and the
 * logged reveal of the petitioner's full details.
 */
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/petition.h"
#include "handlers/citizen_notify.h"
#include "handlers/handlers.h"
#include "handlers/photos.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/catalog.h"
#include "store/deadlines.h"
#include "store/office.h"
#include "store/petitions.h"

static void unit_options(struct req *rq, struct store *st, struct tobj *v, const char *selected)
{
	struct unit_rec *units;
	size_t n;
	if (store_units(st, rq->arena, &units, &n) != ERR_OK)
		return;
	struct tlist *l = tobj_list(v, "units");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "value", units[i].code);
		tobj_str(o, "label", pick(rq, units[i].name));
		tobj_bool(o, "selected", selected && strcmp(selected, units[i].code) == 0);
	}
}

/* How it was closed: the reply and the closing note are content, shown only when see. */
static void outcome_view(struct req *rq, struct tobj *v, const struct petition_rec *p, bool see)
{
	tobj_str(v, "reply", see ? p->reply : NULL);
	view_lines(rq, v, "reply_lines", see ? p->reply : NULL);
	view_data(rq, v, "agency", see ? p->agency : NULL);
	tobj_str(v, "transfer_on", p->transfer_on ? view_date(rq, p->transfer_on) : NULL);
	if (p->ground)
		tobj_str(v, "ground_label", T(rq, arena_printf(rq->arena, "pground_%s", p->ground)));
	view_data(rq, v, "outcome_note", see ? p->outcome_note : NULL);
	tobj_str(v, "duplicate_no", p->duplicate_no);
	if (p->duplicate_no)
		tobj_str(v, "duplicate_href", url(rq, "/staff/petitions/%s", p->duplicate_no));
	tobj_str(v, "closed", p->closed_on ? view_date(rq, p->closed_on) : NULL);
	if (see && p->reply && petition_may(rq, p, ACC_REVEAL)) /* the letter names the petitioner */
		tobj_str(v, "letter_href", url(rq, "/staff/petitions/%s/letter", p->no));
	if (p->rating) {
		tobj_int(v, "rating", p->rating);
		view_data(rq, v, "rating_note", see ? p->rating_note : NULL);
	}
}

/* What this user may do to it, with the choices each form offers. */
static void actions_view(struct req *rq, struct store *st, struct tobj *v, const struct petition_rec *p)
{
	bool route = petition_open(p) && petition_may(rq, p, ACC_ROUTE), assign = petition_may(rq, p, ACC_ASSIGN),
	     handle = petition_may(rq, p, ACC_HANDLE);
	tobj_bool(v, "may_route", route);
	tobj_bool(v, "may_assign", assign);
	tobj_bool(v, "may_handle", handle);
	tobj_bool(v, "may_ask_ext", petition_may(rq, p, ACC_ASK_EXTENSION));
	tobj_bool(v, "may_decide_ext", petition_may(rq, p, ACC_DECIDE_EXTENSION));
	tobj_bool(v, "may_allow_ext", petition_may(rq, p, ACC_ALLOW_EXTENSION) && p->ext_asked >= p->ext_allowed);
	tobj_bool(v, "ext_used_up",
	          petition_open(p) && petition_is_officer(rq, p) && !p->ext_pending && p->ext_asked >= p->ext_allowed);
	tobj_int(v, "ext_allowed", p->ext_allowed);
	if (route) {
		/* not routed yet: the category's default unit is offered first, so the desk does not look it up */
		const char *dflt = NULL;
		if (!p->unit && p->category)
			store_category_unit(st, rq->arena, p->category, &dflt);
		tobj_bool(v, "route_default", dflt != NULL);
		unit_options(rq, st, v, p->unit ? p->unit : dflt);
		struct named_rec *cats;
		size_t nc;
		if (store_categories(st, rq->arena, &cats, &nc) == ERR_OK)
			view_named_options(rq, v, "categories", cats, nc, p->category);
	}
	if (assign)
		officer_options_view(rq, st, v, p->unit, p->officer_id);
	if (handle) {
		struct tlist *l = tobj_list(v, "grounds");
		for (int g = 0; g < PG__MAX; g++) {
			struct tobj *o = tlist_obj(l);
			tobj_str(o, "value", pet_ground_name((enum pet_ground)g));
			tobj_str(o, "label",
			         T(rq, arena_printf(rq->arena, "pground_%s", pet_ground_name((enum pet_ground)g))));
		}
		tobj_str(v, "today", clock_today_iso(rq->arena));
	}
}

/* Its history; notes are content. */
static void events_view(struct req *rq, struct store *st, struct tobj *v, const struct petition_rec *p, bool see)
{
	struct pet_event_rec *ev;
	size_t ne;
	if (store_petition_events(st, rq->arena, p->id, &ev, &ne) == ERR_OK) {
		struct tlist *l = tobj_list(v, "events");
		for (size_t i = 0; i < ne; i++) {
			struct tobj *o = tlist_obj(l);
			tobj_str(o, "at", view_time(rq, ev[i].at));
			tobj_str(o, "who", ev[i].username);
			tobj_str(o, "action_label", T(rq, arena_printf(rq->arena, "pact_%s", ev[i].action)));
			tobj_str(o, "to_label", petition_state_label(rq, pet_state_parse(ev[i].to_state)));
			view_data(rq, o, "note", see ? ev[i].note : NULL);
		}
	}
}

/*
 * 會辦: the units asked with their parts (content: shown when see), the
 * form that asks another unit (the lead, while open) and the form of this
 * user's unit's part (while not given).
 */
static void co_units_view(struct req *rq, struct store *st, struct tobj *v, const struct petition_rec *p, bool see)
{
	struct co_unit_rec *co;
	size_t n;
	if (store_co_units(st, rq->arena, p->id, &co, &n) != ERR_OK)
		return;
	const char *mine = auth_actor(rq).unit;
	bool answer = false;
	struct tlist *l = tobj_list(v, "co_units");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		view_text(rq, o, "unit_name", co[i].unit_name);
		tobj_str(o, "asked", view_time(rq, co[i].asked_at));
		tobj_bool(o, "waiting", !co[i].part);
		view_data(rq, o, "answered_by", co[i].answered_by);
		view_lines(rq, o, "part_lines", see ? co[i].part : NULL);
		answer |= !co[i].part && mine && strcmp(mine, co[i].unit) == 0;
	}
	tobj_bool(v, "has_co_units", n > 0);
	tobj_bool(v, "may_co_answer", answer && petition_may(rq, p, ACC_CO_ANSWER));
	tobj_bool(v, "may_co_ask", p->unit && petition_open(p) && petition_may(rq, p, ACC_HANDLE));
	struct unit_rec *units;
	size_t nu;
	if (!p->unit || store_units(st, rq->arena, &units, &nu) != ERR_OK)
		return;
	struct tlist *opts = tobj_list(v, "co_options");
	for (size_t i = 0; i < nu; i++) {
		bool asked = strcmp(units[i].code, p->unit) == 0;
		for (size_t k = 0; k < n; k++)
			asked |= strcmp(units[i].code, co[k].unit) == 0;
		if (asked)
			continue;
		struct tobj *o = tlist_obj(opts);
		tobj_str(o, "value", units[i].code);
		tobj_str(o, "label", pick(rq, units[i].name));
	}
}

/* The place it is about: text and coordinates always, a link to a map beside them (the page needs no map). */
static void place_view(struct req *rq, struct tobj *v, const struct petition_rec *p)
{
	tobj_bool(v, "has_place", p->place || p->has_point);
	view_data(rq, v, "place", p->place);
	if (p->has_point) {
		tobj_str(v, "point", arena_printf(rq->arena, "%.6f, %.6f", p->lat, p->lon));
		tobj_str(v, "map_href",
		         arena_printf(rq->arena, "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=18/%.6f/%.6f",
		                      p->lat, p->lon, p->lat, p->lon));
	}
}

void petition_render(struct req *rq, struct resp *rs, struct store *st, const struct petition_rec *p, bool full,
                     int status, const char *error_key)
{
	const struct cal *cal = store_calendar(st);
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "pet_title"), p->no));
	bool see = petition_may(rq, p, ACC_VIEW_CONTENT), reveal = petition_may(rq, p, ACC_REVEAL);
	petition_summary_view(rq, v, p, cal, store_near_days(st), full && reveal);
	if (see) {
		view_lines(rq, v, "body_lines", p->body);
		place_view(rq, v, p);
		photos_view(rq, v, p, "/staff/petitions");
		tobj_bool(v, "publish", p->publish);
	}
	/* every look at a confidential petition is on record, whatever it showed */
	if (p->confidential)
		auth_audit(rq, "view_confidential", arena_printf(rq->arena, "petition:%s", p->no),
		           see                                     ? "content"
		           : petition_may(rq, p, ACC_VIEW_SUBJECT) ? "subject"
		                                                   : "hidden");
	tobj_bool(v, "full", full && reveal && !p->anonymous);
	tobj_bool(v, "may_reveal", !full && reveal && !p->anonymous);
	tobj_bool(v, "may_new_code", petition_may(rq, p, ACC_NEW_CODE) && !p->anonymous);
	tobj_str(v, "action_base", url(rq, "/staff/petitions/%s", p->no));
	if (error_key)
		tobj_str(v, "error", T(rq, error_key));

	outcome_view(rq, v, p, see);
	actions_view(rq, st, v, p);
	extensions_view(rq, st, v, IK_PETITION, p->id, see);
	co_units_view(rq, st, v, p, see);
	events_view(rq, st, v, p, see);
	notify_list_view(rq, st, v, "petition", p->id);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "petition", v);
}

void h_petition_view(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	petition_render(rq, rs, st, &p, false, 200, NULL);
}

void h_petition_reveal(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_REVEAL)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	if (petition_audit(rq, st, "reveal", &p, NULL) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	petition_render(rq, rs, st, &p, true, 200, NULL);
}
