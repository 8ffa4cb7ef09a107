/*
 * case_notice.c -- the per-case one-time correction notice (一次告知補正):
 * issuing it (the case pauses), printing it, and the citizen's correction
 * restarting the clock.
 */
#include <stdlib.h>
#include <string.h>

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
#include "store/catalog.h"
#include "store/staff.h"

static void notice_form(struct req *rq, struct resp *rs, struct store *st, const struct case_rec *c, int status,
                        const char *error_key)
{
	struct service_line *items;
	size_t n;
	struct service_rec svc;
	struct correction_rec *prev;
	size_t nprev;
	if (store_service(st, rq->arena, c->service_code, &svc) != ERR_OK ||
	    store_service_items(st, rq->arena, c->service_id, &items, &n) != ERR_OK ||
	    store_corrections(st, rq->arena, c->id, &prev, &nprev) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "notice_title"), c->case_no));
	case_summary_view(rq, v, c, NULL, 0, false);
	struct tlist *l = tobj_list(v, "items");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_int(o, "seq", items[i].seq);
		view_text(rq, o, "text", items[i].text);
	}
	char deadline[CAL_ISO_SIZE];
	cal_format_iso(cal_add_working_days(store_calendar(st), clock_office_day(clock_now()), svc.correction_days),
	               deadline);
	tobj_str(v, "deadline", arena_strdup(rq->arena, deadline));
	tobj_int(v, "correction_days", svc.correction_days);
	tobj_bool(v, "needs_reason", nprev > 0);
	tobj_str(v, "action", url(rq, "/staff/cases/%s/notice", c->case_no));
	if (error_key)
		tobj_str(v, "error", T(rq, error_key));
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "notice_new", v);
}

void h_notice_form(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!case_load(rq, rs, st, &c))
		return;
	if (!case_may(rq, &c, ACC_HANDLE) || !case_move_allowed(c.state, CS_CORRECTION, CA_NOTICE)) {
		page_error(rq, rs, 409, "err_notice_state");
		return;
	}
	notice_form(rq, rs, st, &c, 200, NULL);
}

/* A notice's lines: the ticked items, in the service's order, then each free-text line. */
enum { NOTICE_MAX_ITEMS = 64, NOTICE_MAX_LINES = 80 };
struct notice_lines {
	const char *zh[NOTICE_MAX_LINES], *en[NOTICE_MAX_LINES];
	size_t n;
};

static void collect_lines(struct req *rq, const struct service_line *items, size_t n, struct notice_lines *out)
{
	const struct fval *picked = req_val(rq, K_ITEM);
	size_t k = 0;
	for (size_t i = 0; i < n && k < NOTICE_MAX_ITEMS; i++)
		for (size_t j = 0; j < picked->nmulti; j++)
			if (atoi(picked->multi[j]) == items[i].seq) {
				out->zh[k] = items[i].text[LANG_ZH];
				out->en[k++] = items[i].text[LANG_EN];
				break;
			}
	char *lines = arena_strdup(rq->arena, req_val(rq, K_EXTRA)->s), *save = NULL;
	for (char *line = strtok_r(lines, "\r\n", &save); line && k < NOTICE_MAX_LINES;
	     line = strtok_r(NULL, "\r\n", &save))
		if (*line) {
			out->zh[k] = line;
			out->en[k++] = NULL;
		}
	out->n = k;
}

/* The form's fields, in the order their refusals are shown. */
static const enum key notice_fields[] = {K_ITEM, K_EXTRA, K_DEADLINE, K_REASON};

/*
 * The notice the form asks for: its lines, and its deadline (the one given,
 * moved to an open day, or the service's correction days from today).
 * NULL, or the refusal; *unavailable when the store could not answer.
 */
static const char *notice_validate(struct req *rq, struct store *st, const struct case_rec *c, size_t nprev,
                                   struct notice_lines *lines, char dl_iso[CAL_ISO_SIZE], bool *unavailable)
{
	const char *bad = form_first_error(rq, notice_fields, sizeof notice_fields / sizeof notice_fields[0]);
	if (bad)
		return bad;
	struct service_line *items;
	size_t n;
	struct service_rec svc;
	if (store_service_items(st, rq->arena, c->service_id, &items, &n) != ERR_OK ||
	    store_service(st, rq->arena, c->service_code, &svc) != ERR_OK) {
		*unavailable = true;
		return "err_unavailable";
	}
	collect_lines(rq, items, n, lines);
	if (lines->n == 0)
		return "err_notice_empty";
	const struct fval *deadline = req_val(rq, K_DEADLINE);
	if (nprev > 0 && !req_val(rq, K_REASON)->present)
		return "err_notice_reason";
	int32_t today = clock_office_day(clock_now()), dl;
	const struct cal *cal = store_calendar(st);
	if (deadline->present) {
		if (!cal_parse_iso(deadline->s, &dl) || dl <= today)
			return "err_deadline_past";
		dl = cal_next_open(cal, dl);
	} else {
		dl = cal_add_working_days(cal, today, svc.correction_days);
	}
	cal_format_iso(dl, dl_iso);
	return NULL;
}

/* Issues notice seq: the notice, the case paused in correction, its event and audit row, in one transaction. */
static enum err notice_apply(struct req *rq, struct store *st, const struct case_rec *c, int seq,
                             const struct notice_lines *lines, const char *dl_iso)
{
	const char *at = clock_now_iso(rq->arena), *today_s = clock_today_iso(rq->arena);
	const struct user_rec *u = &rq->sess->user;
	const struct fval *reason = req_val(rq, K_REASON);
	long long nid = 0;
	store_begin(st);
	store_correction_create(st, c->id, seq, at, today_s, u->id, u->display_name,
	                        u->phone && *u->phone ? u->phone : c->unit_phone, dl_iso,
	                        reason->present ? reason->s : NULL, lines->zh, lines->en, lines->n, &nid);
	store_case_set_state(st, c->id, CS_REVIEW, CS_CORRECTION, at);
	store_case_pause(st, c->id, today_s);
	store_case_event(st, c->id, at, u->id, u->username, "review", "correction",
	                 arena_printf(rq->arena, "%s %d", T(rq, "notice_title"), seq));
	notify_case_correction(rq, st, c, seq, lines->zh, lines->en, lines->n, dl_iso, u->display_name,
	                       u->phone && *u->phone ? u->phone : c->unit_phone);
	store_audit(st, u->id, u->username, "notice_issue", arena_printf(rq->arena, "case:%s", c->case_no),
	            arena_printf(rq->arena, "notice %d, %zu items", seq, lines->n), rq->remote_addr);
	return store_finish(st);
}

void h_notice_create(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!case_load(rq, rs, st, &c))
		return;
	if (!case_may(rq, &c, ACC_HANDLE) || !case_move_allowed(c.state, CS_CORRECTION, CA_NOTICE)) {
		page_error(rq, rs, 409, "err_notice_state");
		return;
	}
	struct correction_rec *prev;
	size_t nprev;
	if (store_corrections(st, rq->arena, c.id, &prev, &nprev) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct notice_lines lines;
	char dl_iso[CAL_ISO_SIZE];
	bool unavailable = false;
	const char *bad = notice_validate(rq, st, &c, nprev, &lines, dl_iso, &unavailable);
	if (unavailable)
		page_error(rq, rs, 503, bad);
	else if (bad)
		notice_form(rq, rs, st, &c, 422, bad);
	else if (notice_apply(rq, st, &c, (int)nprev + 1, &lines, dl_iso) != ERR_OK)
		page_error(rq, rs, 503, "err_unavailable");
	else
		page_redirect(rq, rs, url(rq, "/staff/cases/%s/notice/%d", c.case_no, (int)nprev + 1));
}

void h_notice_print(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!case_load(rq, rs, st, &c))
		return;
	int seq = atoi(req_cap(rq, 1));
	struct correction_rec *cr;
	size_t nc;
	if (store_corrections(st, rq->arena, c.id, &cr, &nc) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	const struct correction_rec *n = NULL;
	for (size_t i = 0; i < nc; i++)
		if (cr[i].seq == seq)
			n = &cr[i];
	if (!n) {
		page_error(rq, rs, 404, "err_not_found");
		return;
	}
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "notice_title"), c.case_no));
	case_summary_view(rq, v, &c, NULL, 0, false);
	tobj_int(v, "seq", n->seq);
	tobj_str(v, "issued", view_date(rq, n->issued_on));
	tobj_str(v, "deadline", view_date(rq, n->deadline_on));
	view_data(rq, v, "officer", n->officer);
	tobj_str(v, "officer_phone", n->officer_phone);
	view_data(rq, v, "reason", n->reason);
	struct tlist *l = tobj_list(v, "items");
	for (size_t i = 0; i < n->nitems; i++) {
		const char *txt[LANG__MAX] = {n->items_zh[i], n->items_en[i]};
		view_text(rq, tlist_obj(l), "text", txt);
	}
	rs->no_store = true;
	page_render(rq, rs, "notice_print", v);
}

void h_case_corrected(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!case_load(rq, rs, st, &c))
		return;
	if (!case_may(rq, &c, ACC_HANDLE) || !case_move_allowed(c.state, CS_REVIEW, CA_CORRECTED) || !c.paused_since) {
		page_error(rq, rs, 409, "err_bad_move");
		return;
	}
	const struct cal *cal = store_calendar(st);
	int32_t since, today = clock_office_day(clock_now()), rec;
	cal_parse_iso(c.paused_since, &since);
	cal_parse_iso(c.received_on, &rec);
	/* the clock restarts: the due date moves by the working days it waited */
	int waited = cal_working_days_between(cal, since, today);
	if (waited < 0)
		waited = 0;
	char due[CAL_ISO_SIZE];
	cal_format_iso(cal_add_working_days(cal, rec, c.days + c.paused_days + c.ext_days + waited), due);
	const char *at = clock_now_iso(rq->arena);
	const struct user_rec *u = &rq->sess->user;
	store_begin(st);
	store_case_set_state(st, c.id, CS_CORRECTION, CS_REVIEW, at);
	store_case_resume(st, c.id, waited, due);
	store_correction_resolve(st, c.id, clock_today_iso(rq->arena));
	store_case_event(st, c.id, at, u->id, u->username, "correction", "review",
	                 arena_printf(rq->arena, "%s (+%d)", T(rq, "note_corrected"), waited));
	store_audit(st, u->id, u->username, "case_corrected", arena_printf(rq->arena, "case:%s", c.case_no), NULL,
	            rq->remote_addr);
	if (store_finish(st) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/cases/%s", c.case_no));
}
