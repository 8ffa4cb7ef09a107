/*
 * case_page.c -- one case as staff see it, the logged reveal of personal
 * data, and moving it through its states (irreversible moves confirmed
 * with a reason).
 */
#include "app/auth.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/workflow.h"
#include "handlers/citizen_notify.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/cases.h"
#include "store/deadlines.h"
#include "store/staff.h"

/* The officer and the extensions: what this user may do about them, and what was asked. */
static void officer_view(struct req *rq, struct store *st, struct tobj *v, const struct case_rec *c)
{
	bool assign = case_may(rq, c, ACC_ASSIGN);
	tobj_bool(v, "may_assign", assign);
	if (assign)
		officer_options_view(rq, st, v, c->unit, c->officer_id);
	tobj_int(v, "ext_days", c->ext_days);
	tobj_bool(v, "ext_pending", c->ext_pending);
	tobj_int(v, "ext_left", case_extension_left(c->ext_limit, c->ext_days));
	tobj_bool(v, "may_ask_ext", case_may(rq, c, ACC_ASK_EXTENSION));
	tobj_bool(v, "may_decide_ext", case_may(rq, c, ACC_DECIDE_EXTENSION));
	tobj_bool(v, "has_ext", c->ext_limit > 0 || c->ext_days > 0 || c->ext_pending);
	extensions_view(rq, st, v, IK_CASE, c->id, true);
	tobj_int(v, "rating", c->rating);
}

void case_render(struct req *rq, struct resp *rs, struct store *st, const struct case_rec *c, bool full, int status,
                 const char *error_key)
{
	const struct cal *cal = store_calendar(st);
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "case_title"), c->case_no));
	case_summary_view(rq, v, c, cal, store_near_days(st), full);
	tobj_str(v, "no", c->case_no);
	if (error_key)
		tobj_str(v, "error", T(rq, error_key));
	tobj_bool(v, "full", full);
	tobj_bool(v, "may_reveal", !full && case_may(rq, c, ACC_REVEAL));
	tobj_bool(v, "may_new_code", case_may(rq, c, ACC_NEW_CODE));
	bool act = case_may(rq, c, ACC_HANDLE);
	enum case_state cs = c->state;
	struct tlist *moves = tobj_list(v, "moves");
	for (int to = 0; act && to < CS__MAX; to++) {
		if (!case_move_allowed(cs, (enum case_state)to, CA_MOVE))
			continue;
		struct tobj *o = tlist_obj(moves);
		tobj_str(o, "to", case_state_name((enum case_state)to));
		tobj_str(o, "label", T(rq, arena_printf(rq->arena, "move_%s", case_state_name((enum case_state)to))));
	}
	tobj_bool(v, "may_notice", act && case_move_allowed(cs, CS_CORRECTION, CA_NOTICE));
	tobj_bool(v, "may_correct", act && case_move_allowed(cs, CS_REVIEW, CA_CORRECTED));
	tobj_str(v, "action_base", url(rq, "/staff/cases/%s", c->case_no));

	struct event_rec *ev;
	size_t ne;
	if (store_case_events(st, rq->arena, c->id, &ev, &ne) == ERR_OK) {
		struct tlist *l = tobj_list(v, "events");
		for (size_t i = 0; i < ne; i++) {
			struct tobj *o = tlist_obj(l);
			tobj_str(o, "at", view_time(rq, ev[i].at));
			tobj_str(o, "who", ev[i].username);
			tobj_str(o, "to_label", case_state_label(rq, case_state_parse(ev[i].to_state)));
			view_data(rq, o, "note", ev[i].note);
		}
	}
	struct correction_rec *cr;
	size_t nc;
	if (store_corrections(st, rq->arena, c->id, &cr, &nc) == ERR_OK) {
		struct tlist *l = tobj_list(v, "notices");
		for (size_t i = 0; i < nc; i++) {
			struct tobj *o = tlist_obj(l);
			tobj_int(o, "seq", cr[i].seq);
			tobj_str(o, "issued", view_date(rq, cr[i].issued_on));
			tobj_str(o, "deadline", view_date(rq, cr[i].deadline_on));
			tobj_str(o, "resolved", cr[i].resolved_on ? view_date(rq, cr[i].resolved_on) : NULL);
			tobj_str(o, "href", url(rq, "/staff/cases/%s/notice/%d", c->case_no, cr[i].seq));
		}
	}
	officer_view(rq, st, v, c);
	notify_list_view(rq, st, v, "case", c->id);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "case", v);
}

void h_case_view(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!case_load(rq, rs, st, &c))
		return;
	case_render(rq, rs, st, &c, false, 200, NULL);
}

void h_case_reveal(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!case_load(rq, rs, st, &c))
		return;
	if (!case_may(rq, &c, ACC_REVEAL)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	if (store_audit(st, rq->sess->user.id, rq->sess->user.username, "reveal",
	                arena_printf(rq->arena, "case:%s", c.case_no), NULL, rq->remote_addr) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	case_render(rq, rs, st, &c, true, 200, NULL);
}

/* Reject, withdraw and close cannot be undone: they need a confirmation step and a recorded reason. */
static void move_confirm(struct req *rq, struct resp *rs, const struct case_rec *c, enum case_state to,
                         const char *err_key)
{
	const char *label = T(rq, arena_printf(rq->arena, "move_%s", case_state_name(to)));
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s — %s", T(rq, "confirm_title"), label));
	tobj_str(v, "record_label", T(rq, "case_title"));
	tobj_str(v, "no", c->case_no);
	tobj_str(v, "state_label", case_state_label(rq, c->state));
	tobj_str(v, "action_label", label);
	tobj_str(v, "action", url(rq, "/staff/cases/%s/move", c->case_no));
	struct tobj *o = tlist_obj(tobj_list(v, "carry"));
	tobj_str(o, "name", "to");
	tobj_str(o, "value", case_state_name(to));
	page_confirm(rq, rs, v, err_key);
}

void h_case_move(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!case_load(rq, rs, st, &c))
		return;
	const struct fval *to_f = req_val(rq, K_TO), *note_f = req_val(rq, K_NOTE);
	enum case_state from = c.state, to = case_state_parse(to_f->s);
	if (!case_may(rq, &c, ACC_HANDLE)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	if (to_f->err_key || note_f->err_key) {
		page_error(rq, rs, 400, to_f->err_key ? to_f->err_key : note_f->err_key);
		return;
	}
	const char *state_label = case_state_label(rq, c.state);
	if (!case_move_allowed(from, to, CA_MOVE)) {
		page_conflict(rq, rs, "err_bad_move", state_label);
		return;
	}
	const char *note = note_f->s;
	if (case_move_needs_reason(to)) {
		const char *err_key;
		note = req_confirmed_reason(rq, &err_key);
		if (!note) {
			move_confirm(rq, rs, &c, to, err_key);
			return;
		}
	}
	const char *at = clock_now_iso(rq->arena);
	store_begin(st);
	store_case_set_state(st, c.id, c.state, to, at);
	store_case_event(st, c.id, at, rq->sess->user.id, rq->sess->user.username, case_state_name(c.state),
	                 case_state_name(to), note);
	if (!case_state_open(to)) /* decided or ended: worth knowing */
		notify_case_state(rq, st, &c, case_state_name(to));
	store_audit(st, rq->sess->user.id, rq->sess->user.username, "case_move",
	            arena_printf(rq->arena, "case:%s", c.case_no),
	            arena_printf(rq->arena, "%s->%s", case_state_name(c.state), case_state_name(to)), rq->remote_addr);
	enum err e = store_finish(st);
	if (e == ERR_CONFLICT) {
		/* someone moved it first: say where it is now */
		bool now = store_case_by_no(st, rq->arena, c.case_no, &c) == ERR_OK;
		page_conflict(rq, rs, "err_case_changed", now ? case_state_label(rq, c.state) : NULL);
		return;
	}
	if (e != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/cases/%s", c.case_no));
}
