/*
 * case_actions.c -- what staff do to an application besides moving it:
 * hand it to an officer of its unit, and extensions (展期): the officer
 * asks for working days the service allows, a head decides -- never the
 * one who asked (domain/access.c) -- and an approval moves the due date
 * by office working days and tells the applicant.
 */
#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/workflow.h"
#include "handlers/citizen_notify.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/cases.h"
#include "store/extensions.h"
#include "store/staff.h"

/* The history row (the state unchanged) and the audit row of a change, in the caller's transaction. */
static void case_record(struct req *rq, struct store *st, const struct case_rec *c, const char *at, const char *action,
                        const char *detail, const char *note)
{
	const char *state = case_state_name(c->state);
	store_case_event(st, c->id, at, rq->sess->user.id, rq->sess->user.username, state, state, note);
	store_audit(st, rq->sess->user.id, rq->sess->user.username, action,
	            arena_printf(rq->arena, "case:%s", c->case_no), detail, rq->remote_addr);
}

/* Commits and answers: 303 back to the case, or 409 / 503. */
static void case_done(struct req *rq, struct resp *rs, struct store *st, const struct case_rec *c)
{
	enum err e = store_finish(st);
	if (e == ERR_OK)
		page_redirect(rq, rs, url(rq, "/staff/cases/%s", c->case_no));
	else
		page_error(rq, rs, e == ERR_CONFLICT ? 409 : 503,
		           e == ERR_CONFLICT ? "err_case_changed" : "err_unavailable");
}

/* The due date with extra working days: received_on + days + paused_days + ext_days + extra. */
static void due_with(struct store *st, const struct case_rec *c, int extra, char due[CAL_ISO_SIZE])
{
	int32_t rec;
	if (!cal_parse_iso(c->received_on, &rec))
		rec = clock_office_day(clock_now());
	cal_format_iso(cal_add_working_days(store_calendar(st), rec, c->days + c->paused_days + c->ext_days + extra),
	               due);
}

void h_case_assign(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!case_load(rq, rs, st, &c))
		return;
	if (!case_may(rq, &c, ACC_ASSIGN)) {
		bool open = case_state_open(c.state);
		page_error(rq, rs, open ? 403 : 409, open ? "err_forbidden" : "err_case_changed");
		return;
	}
	struct user_rec u;
	if (!officer_of_unit(rq, st, req_val(rq, K_OFFICER)->i, c.unit, &u)) {
		case_render(rq, rs, st, &c, false, 422, "err_pet_officer");
		return;
	}
	const char *note =
	    c.officer_name ? arena_printf(rq->arena, "%s → %s", c.officer_name, u.display_name) : u.display_name;
	store_begin(st);
	store_case_assign(st, c.id, u.id);
	case_record(rq, st, &c, clock_now_iso(rq->arena), "case_assign", u.username,
	            arena_printf(rq->arena, "%s %s", T(rq, "case_assigned"), note));
	case_done(rq, rs, st, &c);
}

void h_case_ext_ask(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!case_load(rq, rs, st, &c))
		return;
	if (!case_may(rq, &c, ACC_ASK_EXTENSION)) {
		/* the officer is told why not: one waits already, or the service allows no more */
		bool officer = c.officer_id == rq->sess->user.id && case_state_open(c.state);
		page_error(rq, rs, officer ? 409 : 403,
		           !officer        ? "err_forbidden"
		           : c.ext_pending ? "err_case_ext_waiting"
		                           : "err_case_ext_none");
		return;
	}
	const struct fval *days = req_val(rq, K_DAYS), *reason = req_val(rq, K_REASON);
	const char *bad = days->err_key || !days->present ? "err_case_ext_days"
	                  : reason->err_key || !reason->present || !*reason->s
	                      ? "err_case_ext_reason"
	                      : case_extension_check(c.ext_limit, c.ext_days, days->i);
	if (bad) {
		case_render(rq, rs, st, &c, false, 422, bad);
		return;
	}
	char due[CAL_ISO_SIZE];
	due_with(st, &c, (int)days->i, due);
	const char *at = clock_now_iso(rq->arena);
	const struct extension_ask x = {rq->sess->user.id, at, c.due_on, due, reason->s, (int)days->i};
	store_begin(st);
	store_extension_ask(st, IK_CASE, c.id, &x);
	case_record(rq, st, &c, at, "extension_ask", arena_printf(rq->arena, "%lld", days->i),
	            arena_printf(rq->arena, "%s %s → %s: %s", T(rq, "pact_ext_asked"), c.due_on, due, reason->s));
	case_done(rq, rs, st, &c);
}

void h_case_ext_decide(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!case_load(rq, rs, st, &c))
		return;
	if (!case_may(rq, &c, ACC_DECIDE_EXTENSION)) {
		page_error(rq, rs, c.ext_pending ? 403 : 409, c.ext_pending ? "err_forbidden" : "err_case_changed");
		return;
	}
	struct extension_rec x;
	bool approve;
	int status;
	const char *bad = extension_decision(rq, st, IK_CASE, c.id, &x, &approve, &status);
	if (bad) {
		if (status == 422)
			case_render(rq, rs, st, &c, false, 422, bad);
		else
			page_error(rq, rs, status, bad);
		return;
	}
	const char *note = req_val(rq, K_NOTE)->s, *at = clock_now_iso(rq->arena);
	char due[CAL_ISO_SIZE]; /* counted again: the calendar may have changed since it was asked */
	due_with(st, &c, x.days, due);
	store_begin(st);
	store_extension_decide(st, IK_CASE, x.id, approve ? "approved" : "refused", rq->sess->user.id, at, note);
	if (approve) {
		store_case_extend(st, c.id, x.days, due);
		notify_case_extended(rq, st, &c, x.id, due);
	}
	const char *what = T(rq, approve ? "pact_ext_approved" : "pact_ext_refused");
	case_record(rq, st, &c, at, approve ? "extension_approve" : "extension_refuse", approve ? due : NULL,
	            approve ? arena_printf(rq->arena, "%s %s → %s%s%s", what, c.due_on, due, *note ? ": " : "", note)
	                    : arena_printf(rq->arena, "%s%s%s", what, *note ? ": " : "", note));
	case_done(rq, rs, st, &c);
}
