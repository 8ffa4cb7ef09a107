/*
 * status.c -- the citizen's "where is my application?" (申辦案件查詢):
 * number + query code, no account.  "No such case" and "wrong code" give
 * byte-identical answers and take about as long (the code is always
 * checked against a hash); tries are limited per number and address, per
 * address, and (a higher brake) per number.
 */
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/petition.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/cases.h"
#include "store/deadlines.h"
#include "store/petitions.h"
#include "store/staff.h"

/*
 * The satisfaction survey (意見調查) on a status page: the form while it
 * may be answered (open and not yet rated), else the rating given; and the
 * notice of an answer.  The form re-proves the code: it is the citizen's
 * own page, never cached.
 */
static void rate_view(struct req *rq, struct tobj *v, bool open, int rating, const char *code, const char *notice_key)
{
	bool rate = open && !rating;
	tobj_bool(v, "may_rate", rate);
	tobj_int(v, "rating", rating);
	if (rate) {
		tobj_str(v, "csrf", auth_csrf(rq));
		tobj_str(v, "code", code);
		struct tlist *l = tobj_list(v, "stars");
		for (int i = 5; i >= 1; i--) {
			struct tobj *o = tlist_obj(l);
			tobj_int(o, "value", i);
			tobj_str(o, "label", T(rq, arena_printf(rq->arena, "prate_%d", i)));
		}
	}
	if (notice_key)
		tobj_str(v, "notice", T(rq, notice_key));
}

/* The citizen's status page of a petition; code goes back into the rating form. */
static void petition_status_page(struct req *rq, struct resp *rs, struct store *st, const struct petition_rec *p,
                                 const char *code, const char *notice_key)
{
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "pet_status_title"), p->no));
	tobj_str(v, "no", p->no);
	view_data(rq, v, "subject", p->subject);
	tobj_str(v, "state_label", petition_state_label(rq, p->state));
	tobj_str(v, "channel_label", petition_channel_label(rq, p->channel));
	tobj_str(v, "received", view_date(rq, p->received_on));
	bool open = petition_open(p);
	if (open) {
		tobj_str(v, "due", view_date(rq, p->due_on));
		tobj_str(v, "due_iso", p->due_on);
		tobj_bool(v, "extended", p->ext_until != NULL);
	}
	if (p->unit) {
		view_text(rq, v, "unit_name", p->unit_name);
		tobj_str(v, "unit_phone", p->unit_phone);
	}
	tobj_str(v, "closed", p->closed_on ? view_date(rq, p->closed_on) : NULL);
	if (p->state == PS_REPLIED) {
		tobj_str(v, "reply", p->reply);
		view_lines(rq, v, "reply_lines", p->reply);
	}
	view_data(rq, v, "agency", p->state == PS_TRANSFERRED ? p->agency : NULL);
	tobj_str(v, "transfer_on", p->transfer_on ? view_date(rq, p->transfer_on) : NULL);
	if (p->ground && p->state == PS_NOT_HANDLED)
		tobj_str(v, "ground_label", T(rq, arena_printf(rq->arena, "pground_%s", p->ground)));
	tobj_str(v, "duplicate_no", p->state == PS_DUPLICATE ? p->duplicate_no : NULL);
	rate_view(rq, v, p->state == PS_REPLIED, p->rating, code, notice_key);

	progress_view(rq, v, false, false, pet_state_name(p->state), p->due_on);
	/* the timeline: steps the citizen may see, without staff names or notes */
	struct pet_event_rec *ev;
	size_t ne;
	if (store_petition_events(st, rq->arena, p->id, &ev, &ne) == ERR_OK) {
		struct tlist *l = tobj_list(v, "events");
		for (size_t i = 0; i < ne; i++) {
			const char *act = ev[i].action;
			if (strncmp(act, "ext_", 4) == 0 && strcmp(act, "ext_approved") != 0)
				continue;
			if (strcmp(act, "reassigned") == 0 || strcmp(act, "rerouted") == 0 || strcmp(act, "rated") == 0)
				continue;
			struct tobj *o = tlist_obj(l);
			char d[CAL_ISO_SIZE];
			cal_format_iso(clock_office_day(clock_parse_iso(ev[i].at)), d);
			tobj_str(o, "date", view_date(rq, d));
			tobj_str(o, "date_iso", arena_strdup(rq->arena, d));
			tobj_str(o, "label", T(rq, arena_printf(rq->arena, "pact_%s", act)));
		}
	}
	rs->no_store = true;
	page_render(rq, rs, "petition_status", v);
}

/*
 * Lookups a minute: per number and address (so another address's tries
 * cannot lock the citizen out of their own case), per address (a brake on
 * trying many numbers), per number alone (a much higher brake on guessing
 * from many addresses).  See docs/security.md.
 */
enum { LOOKUP_WINDOW = 60 };

/*
 * The lookup form.  After a failed lookup nothing typed is echoed, so "no
 * such case" and "wrong code" are the same bytes.
 */
static void status_form(struct req *rq, struct resp *rs, int status, const char *error_key, bool prefill)
{
	struct tobj *v = view_new(rq, T(rq, "status_title"));
	if (prefill)
		tobj_str(v, "no", req_val(rq, K_NO)->s);
	if (error_key)
		tobj_str(v, "error", T(rq, error_key));
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "status", v);
}

void h_status_form(struct req *rq, struct resp *rs)
{
	status_form(rq, rs, 200, NULL, true);
}

/*
 * Takes one lookup from the allowance.  False when the answer is already in
 * rs: 429 over a limit, 503 when the store cannot count it (fail closed).
 * A refused lookup writes nothing.
 */
bool status_lookup_allowed(struct store *st, struct req *rq, struct resp *rs, const char *no)
{
	const char *addr = rq->remote_addr ? rq->remote_addr : "-";
	const char *nkey = arena_printf(rq->arena, "no:%s", no);
	int max[LOOKUP_LIMITS];
	settings_lookup_limits(req_settings(rq)[SET_STATUS_LOOKUP_LIMITS], max);
	const struct attempt_limit lim[] = {
	    {arena_printf(rq->arena, "addr:%s|%s", addr, nkey), max[0]},
	    {arena_printf(rq->arena, "addr:%s", addr), max[1]},
	    {nkey, max[2]},
	};
	long retry_s;
	enum err e =
	    store_attempt_take(st, "lookup", lim, sizeof lim / sizeof lim[0], clock_now(), LOOKUP_WINDOW, &retry_s);
	if (e == ERR_LIMIT)
		page_try_later(rq, rs, 1);
	else if (e != ERR_OK)
		page_error(rq, rs, 503, "err_unavailable");
	return e == ERR_OK;
}

/*
 * A petition ('P' numbers): the same rule as cases -- "no such petition"
 * and "wrong code" answer alike, after the same hash check.  True when the
 * number and code match; *p is then loaded.  Otherwise the answer is in rs.
 */
static bool petition_check(struct req *rq, struct resp *rs, struct store *st, const char *no, const char *code,
                           struct petition_rec *p)
{
	enum err e = store_petition_by_no(st, rq->arena, no, p);
	if (e == ERR_DB) {
		page_error(rq, rs, 503, "err_unavailable");
		return false;
	}
	bool match = auth_verify_code(e == ERR_OK ? p->code_hash : NULL, code ? code : "-");
	if (e != ERR_OK || !code || !match) {
		status_form(rq, rs, 404, "status_not_found", false);
		return false;
	}
	return true;
}

static void petition_lookup(struct req *rq, struct resp *rs, struct store *st, const char *no, const char *code)
{
	struct petition_rec p;
	if (petition_check(rq, rs, st, no, code, &p))
		petition_status_page(rq, rs, st, &p, code, NULL);
}

/* An application ('A' numbers): as petition_check. */
static bool case_check(struct req *rq, struct resp *rs, struct store *st, const char *no, const char *code,
                       struct case_rec *c)
{
	enum err e = no[0] == 'A' ? store_case_by_no(st, rq->arena, no, c) : ERR_NOTFOUND;
	if (e == ERR_DB) {
		page_error(rq, rs, 503, "err_unavailable");
		return false;
	}
	bool match = auth_verify_code(e == ERR_OK ? c->code_hash : NULL, code ? code : "-");
	if (e != ERR_OK || !code || !match) {
		status_form(rq, rs, 404, "status_not_found", false);
		return false;
	}
	return true;
}

/* The citizen's status page of a case; code goes back into the survey's form. */
static void case_status_page(struct req *rq, struct resp *rs, struct store *st, const struct case_rec *c,
                             const char *code, const char *notice_key)
{
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "status_title"), c->case_no));
	case_summary_view(rq, v, c, store_calendar(st), store_near_days(st), false);
	tobj_str(v, "no", c->case_no);
	tobj_int(v, "ext_days", c->ext_days);
	rate_view(rq, v, c->state == CS_CLOSED, c->rating, code, notice_key);
	struct event_rec *ev;
	size_t ne;
	if (store_case_events(st, rq->arena, c->id, &ev, &ne) == ERR_OK) {
		struct tlist *l = tobj_list(v, "events");
		for (size_t i = 0; i < ne; i++) {
			/* a step that changed nothing the citizen sees (an officer assigned, an extension asked) */
			if (ev[i].from_state && strcmp(ev[i].from_state, ev[i].to_state) == 0)
				continue;
			struct tobj *o = tlist_obj(l);
			char d[CAL_ISO_SIZE];
			time_t t = clock_parse_iso(ev[i].at);
			cal_format_iso(clock_office_day(t), d);
			tobj_str(o, "date", view_date(rq, d));
			tobj_str(o, "date_iso", arena_strdup(rq->arena, d));
			tobj_str(o, "label", case_state_label(rq, case_state_parse(ev[i].to_state)));
		}
	}
	struct correction_rec *cr;
	size_t nc;
	bool known = store_corrections(st, rq->arena, c->id, &cr, &nc) == ERR_OK;
	progress_view(rq, v, true, known && nc > 0, case_state_name(c->state), c->paused_since ? NULL : c->due_on);
	if (known && nc && !cr[nc - 1].resolved_on) {
		const struct correction_rec *n = &cr[nc - 1];
		tobj_str(v, "correction_deadline", view_date(rq, n->deadline_on));
		struct tlist *l = tobj_list(v, "correction_items");
		for (size_t i = 0; i < n->nitems; i++) {
			const char *txt[LANG__MAX] = {n->items_zh[i], n->items_en[i]};
			view_text(rq, tlist_obj(l), "text", txt);
		}
	}
	rs->no_store = true;
	page_render(rq, rs, "status_result", v);
}

void h_status_lookup(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *no_f = req_val(rq, K_NO), *code_f = req_val(rq, K_CODE);
	char no[NO_SIZE + 4], code[QUERY_CODE_LEN + 1];
	ids_number_upcase(no_f->s, no, sizeof no);
	if (!no_f->present || !code_f->present || !ids_number_valid(no)) {
		status_form(rq, rs, 400, "status_missing", true);
		return;
	}
	if (!status_lookup_allowed(st, rq, rs, no))
		return;
	bool code_ok = ids_normalize_code(code_f->s, code);
	if (no[0] == 'P') {
		petition_lookup(rq, rs, st, no, code_ok ? code : NULL);
		return;
	}
	struct case_rec c;
	if (case_check(rq, rs, st, no, code_ok ? code : NULL, &c))
		case_status_page(rq, rs, st, &c, code, NULL);
}

/* The survey form's refusal: its key, or NULL when the rating and the comment are acceptable. */
static const char *rating_error(struct req *rq)
{
	const struct fval *rating = req_val(rq, K_RATING), *comment = req_val(rq, K_COMMENT);
	if (rating->err_key || !rating->present || rating->i < 1 || rating->i > 5)
		return "err_rating";
	return comment->err_key;
}

/* Commits an answer: the notice to show (409 when it was answered before), or NULL after answering 503. */
static const char *rate_finish(struct req *rq, struct resp *rs, struct store *st)
{
	enum err e = store_finish(st);
	if (e == ERR_OK)
		return "prate_thanks";
	if (e == ERR_CONFLICT) {
		rs->status = 409;
		return "prate_already";
	}
	page_error(rq, rs, 503, "err_unavailable");
	return NULL;
}

static void petition_rate(struct req *rq, struct resp *rs, struct store *st, const char *no, const char *code)
{
	struct petition_rec p;
	if (!petition_check(rq, rs, st, no, code, &p))
		return;
	const char *bad = rating_error(rq);
	if (bad) {
		rs->status = 422;
		petition_status_page(rq, rs, st, &p, code, bad);
		return;
	}
	const struct fval *rating = req_val(rq, K_RATING);
	char at[21];
	clock_iso(clock_now(), at);
	store_begin(st);
	store_petition_rate(st, p.id, (int)rating->i, req_val(rq, K_COMMENT)->s, at);
	store_petition_event(st, p.id, at, 0, NULL, "rated", pet_state_name(p.state), pet_state_name(p.state), NULL);
	store_audit(st, 0, NULL, "petition_rate", arena_printf(rq->arena, "petition:%s", p.no),
	            arena_printf(rq->arena, "%lld", rating->i), rq->remote_addr);
	const char *notice = rate_finish(rq, rs, st);
	if (!notice)
		return;
	if (store_petition_by_no(st, rq->arena, p.no, &p) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	petition_status_page(rq, rs, st, &p, code, notice);
}

static void case_rate(struct req *rq, struct resp *rs, struct store *st, const char *no, const char *code)
{
	struct case_rec c;
	if (!case_check(rq, rs, st, no, code, &c))
		return;
	const char *bad = rating_error(rq);
	if (bad) {
		rs->status = 422;
		case_status_page(rq, rs, st, &c, code, bad);
		return;
	}
	const struct fval *rating = req_val(rq, K_RATING);
	char at[21];
	clock_iso(clock_now(), at);
	store_begin(st);
	store_case_rate(st, c.id, (int)rating->i, req_val(rq, K_COMMENT)->s, at);
	store_audit(st, 0, NULL, "case_rate", arena_printf(rq->arena, "case:%s", c.case_no),
	            arena_printf(rq->arena, "%lld", rating->i), rq->remote_addr);
	const char *notice = rate_finish(rq, rs, st);
	if (!notice)
		return;
	if (store_case_by_no(st, rq->arena, c.case_no, &c) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	case_status_page(rq, rs, st, &c, code, notice);
}

/*
 * The satisfaction survey (意見調查) after a petition's reply or an
 * application's closing: a 1-5 rating and a comment, once.  The form
 * carries the number and code again (checked and throttled like a lookup)
 * and the visitor's CSRF token.
 */
void h_status_rate(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *no_f = req_val(rq, K_NO), *code_f = req_val(rq, K_CODE);
	char no[NO_SIZE + 4], code[QUERY_CODE_LEN + 1];
	ids_number_upcase(no_f->s, no, sizeof no);
	if (!no_f->present || !code_f->present || !ids_number_valid(no) || (no[0] != 'P' && no[0] != 'A')) {
		status_form(rq, rs, 400, "status_missing", true);
		return;
	}
	if (!status_lookup_allowed(st, rq, rs, no))
		return;
	const char *checked = ids_normalize_code(code_f->s, code) ? code : NULL;
	if (no[0] == 'P')
		petition_rate(rq, rs, st, no, checked);
	else
		case_rate(rq, rs, st, no, checked);
}
