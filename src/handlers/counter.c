/*
 * counter.c -- the front desk (全功能櫃台): registering an application,
 * the receipt, the per-case one-time correction notice (一次告知補正),
 * moving a case through its states, finding cases, and the unit's queue.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/qr.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/petition.h"
#include "domain/workflow.h"
#include "handlers/handlers.h"
#include "store/calendar.h"
#include "store/cases.h"
#include "store/catalog.h"
#include "store/deadlines.h"
#include "store/staff.h"

static const char *const channels[] = {"counter", "mail", "online", "fax"};

/* ---- shared pieces ---- */

/*
 * "due_soon", "due_today", "overdue" or NULL for a case: the petitions' and
 * the scheduler's tiers, with the same near_days setting (store_near_days).
 */
static const char *due_flag(const struct cal *c, int near_days, const char *state, const char *due_on)
{
	int32_t due;
	if (!case_state_open(case_state_parse(state)) || !cal_parse_iso(due_on, &due))
		return NULL;
	return tier_flag(deadline_tier(c, clock_office_day(clock_now()), due, near_days));
}

bool case_may(const struct req *rq, const struct case_rec *c, enum access_action act)
{
	struct actor who = auth_actor(rq);
	struct record what = {.kind = REC_CASE, .unit = c->unit, .registered_by = c->created_by};
	return access_allows(&who, &what, act);
}

const char *audit_phone(struct req *rq, const char *phone)
{
	char buf[64];
	ids_mask_phone(phone, buf, sizeof buf);
	return arena_printf(rq->arena, "by phone %s", buf);
}

static void masked(struct req *rq, struct tobj *o, const struct case_rec *c, bool full)
{
	char buf[128];
	if (full) {
		view_data(rq, o, "name", c->name);
		tobj_str(o, "phone", c->phone);
		tobj_str(o, "email", c->email);
		tobj_str(o, "natid", c->natid);
		return;
	}
	ids_mask_name(c->name, buf, sizeof buf);
	view_data(rq, o, "name", arena_strdup(rq->arena, buf));
	ids_mask_phone(c->phone, buf, sizeof buf);
	tobj_str(o, "phone", arena_strdup(rq->arena, buf));
	if (c->email) {
		ids_mask_email(c->email, buf, sizeof buf);
		tobj_str(o, "email", arena_strdup(rq->arena, buf));
	}
	if (c->natid)
		tobj_str(o, "natid", arena_printf(rq->arena, "%.1s*******%s", c->natid, c->natid + 7));
}

/* Case fields every case view shows (masked personal data unless full). */
void case_summary_view(struct req *rq, struct tobj *o, const struct case_rec *c, const struct cal *cal, int near_days,
                       bool full)
{
	tobj_str(o, "case_no", c->case_no);
	tobj_str(o, "href", url(rq, "/staff/cases/%s", c->case_no));
	view_text(rq, o, "service", c->service_name);
	tobj_str(o, "service_code", c->service_code);
	view_text(rq, o, "unit_name", c->unit_name);
	tobj_str(o, "unit_phone", c->unit_phone);
	tobj_str(o, "state", c->state);
	tobj_str(o, "state_label", T(rq, arena_printf(rq->arena, "state_%s", c->state)));
	tobj_str(o, "channel_label", T(rq, arena_printf(rq->arena, "channel_%s", c->channel)));
	tobj_str(o, "received", view_date(rq, c->received_on));
	tobj_str(o, "due", view_date(rq, c->due_on));
	tobj_str(o, "due_iso", c->due_on);
	tobj_bool(o, "paused", c->paused_since != NULL);
	tobj_int(o, "paused_days", c->paused_days);
	view_data(rq, o, "officer", c->officer_name);
	const char *flag = cal ? due_flag(cal, near_days, c->state, c->due_on) : NULL;
	if (flag) {
		tobj_str(o, "flag", flag);
		tobj_str(o, "flag_label", T(rq, arena_printf(rq->arena, "flag_%s", flag)));
	}
	masked(rq, o, c, full);
}

static bool load_case(struct req *rq, struct resp *rs, struct store *st, struct case_rec *c)
{
	if (!st) {
		page_error(rq, rs, 503, "err_unavailable");
		return false;
	}
	enum err e = store_case_by_no(st, rq->arena, req_cap(rq, 0), c);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_no_case");
		return false;
	}
	return true;
}

/* ---- registering ---- */

static void service_options(struct req *rq, struct store *st, struct tobj *v, const char *selected)
{
	struct service_rec *svc;
	size_t n;
	if (store_services(st, rq->arena, &svc, &n) != ERR_OK)
		return;
	struct tlist *groups = tobj_list(v, "service_groups");
	struct tlist *cur = NULL;
	const char *cur_unit = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!cur_unit || strcmp(cur_unit, svc[i].unit.code) != 0) {
			struct tobj *g = tlist_obj(groups);
			tobj_str(g, "label", pick(rq, svc[i].unit.name));
			cur = tobj_list(g, "options");
			cur_unit = svc[i].unit.code;
		}
		struct tobj *o = tlist_obj(cur);
		tobj_str(o, "value", svc[i].code);
		tobj_str(o, "label", pick(rq, svc[i].name));
		tobj_bool(o, "selected", selected && strcmp(selected, svc[i].code) == 0);
	}
}

static void channel_options(struct req *rq, struct tobj *v, const char *selected)
{
	struct tlist *l = tobj_list(v, "channels");
	for (size_t i = 0; i < sizeof channels / sizeof channels[0]; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "value", channels[i]);
		tobj_str(o, "label", T(rq, arena_printf(rq->arena, "channel_%s", channels[i])));
		tobj_bool(o, "checked", selected ? strcmp(selected, channels[i]) == 0 : i == 0);
	}
}

static const char *const case_form_fields[] = {"service", "name", "phone", "email", "natid", "channel"};

static void case_form(struct req *rq, struct resp *rs, int status, const char *const *errors)
{
	struct store *st = req_store(rq);
	struct tobj *v = view_new(rq, T(rq, "case_new_title"));
	service_options(rq, st, v, req_field(rq, "service")->s);
	channel_options(rq, v, req_field(rq, "channel")->present ? req_field(rq, "channel")->s : NULL);
	bool any = false;
	for (size_t i = 0; i < sizeof case_form_fields / sizeof case_form_fields[0]; i++) {
		const char *f = case_form_fields[i];
		tobj_str(v, f, req_field(rq, f)->s);
		if (errors && errors[i]) {
			tobj_str(v, arena_printf(rq->arena, "%s_error", f), T(rq, errors[i]));
			any = true;
		}
	}
	tobj_bool(v, "has_errors", any);
	tobj_str(v, "once", auth_form_once(rq));
	rs->status = status;
	page_render(rq, rs, "case_new", v);
}

void h_case_new_form(struct req *rq, struct resp *rs)
{
	case_form(rq, rs, 200, NULL);
}

void receipt_status_link(struct req *rq, struct tobj *v, const char *no)
{
	struct arena *a = rq->arena;
	const char *status_url =
	    arena_printf(a, "%s%s/status?no=%s", view_public_url(rq), rq->lang == LANG_EN ? "/en" : "", no);
	tobj_str(v, "status_url", status_url);
	struct buf svg;
	buf_init(&svg);
	if (qr_svg(status_url, T(rq, "receipt_qr_label"), &svg) == ERR_OK)
		tobj_html(v, "qr", arena_strndup(a, svg.data, svg.len));
	buf_free(&svg);
}

/*
 * The receipt page a registration is sent to (303): the case this
 * browser's last form made, with its query code (see auth_form_once), as
 * often as the counter refreshes or reprints it.
 */
void h_case_receipt(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *once = auth_receipt_once(rq);
	char form_hash[FORM_HASH_SIZE], code[QUERY_CODE_LEN + 1];
	struct case_rec c;
	enum err e = ERR_NOTFOUND;
	if (st && once) {
		ids_form_hash(once, form_hash);
		e = store_case_by_form(st, rq->arena, form_hash, &c);
	}
	if (e != ERR_OK) {
		page_error(rq, rs, e == ERR_NOTFOUND ? 404 : 503,
		           e == ERR_NOTFOUND ? "err_not_found" : "err_unavailable");
		return;
	}
	struct service_rec svc;
	if (store_service(st, rq->arena, c.service_code, &svc) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	ids_query_code_for(once, code);
	struct tobj *v = view_new(rq, T(rq, "receipt_title"));
	case_summary_view(rq, v, &c, store_calendar(st), store_near_days(st), false);
	tobj_str(v, "query_code", code);
	tobj_bool(v, "immediate", svc.immediate);
	receipt_status_link(rq, v, c.case_no);
	rs->no_store = true;
	page_render(rq, rs, "receipt", v);
}

/* After the POST: to the receipt page, the token in the receipt cookie. */
static void to_receipt(struct req *rq, struct resp *rs, const char *once)
{
	auth_receipt_set(rq, once);
	page_redirect(rq, rs, url(rq, "/staff/cases/receipt"));
}

void h_case_create(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	if (!st) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	/* the same form again (a double click, a refresh, a retry): its case, not a second one */
	const char *once = auth_form_once(rq);
	char form_hash[FORM_HASH_SIZE];
	ids_form_hash(once, form_hash);
	struct case_rec made;
	if (store_case_by_form(st, rq->arena, form_hash, &made) == ERR_OK) {
		to_receipt(rq, rs, once);
		return;
	}
	const char *errors[6] = {0};
	for (size_t i = 0; i < 6; i++)
		errors[i] = req_field(rq, case_form_fields[i])->err_key;
	const struct fval *svc_f = req_field(rq, "service"), *phone = req_field(rq, "phone"),
	                  *email = req_field(rq, "email"), *natid = req_field(rq, "natid"),
	                  *channel = req_field(rq, "channel");
	struct service_rec svc;
	if (!errors[0] && store_service(st, rq->arena, svc_f->s, &svc) != ERR_OK)
		errors[0] = "err_no_service";
	if (!errors[2] && !ids_phone_ok(phone->s))
		errors[2] = "err_phone";
	if (!errors[3] && email->present && (!strchr(email->s, '@') || !strchr(strchr(email->s, '@'), '.')))
		errors[3] = "err_email";
	char id_upper[16] = "";
	if (!errors[4] && natid->present) {
		snprintf(id_upper, sizeof id_upper, "%s", natid->s);
		id_upper[0] = (char)(id_upper[0] >= 'a' && id_upper[0] <= 'z' ? id_upper[0] - 32 : id_upper[0]);
		if (!ids_natid_valid(id_upper))
			errors[4] = "err_natid";
	}
	bool channel_ok = false;
	for (size_t i = 0; i < sizeof channels / sizeof channels[0]; i++)
		channel_ok |= strcmp(channel->s, channels[i]) == 0;
	if (!errors[5] && !channel_ok)
		errors[5] = "err_channel";
	for (size_t i = 0; i < 6; i++)
		if (errors[i]) {
			case_form(rq, rs, 422, errors);
			return;
		}

	/* the query code is shown on the receipt only; the record keeps its hash, never the code or the token */
	char code[QUERY_CODE_LEN + 1];
	ids_query_code_for(once, code);
	char code_hash[CODE_HASH_SIZE];
	auth_hash_code(code, code_hash);
	const struct cal *cal = store_calendar(st);
	int32_t today = clock_office_day(clock_now());
	char due[CAL_ISO_SIZE], phone_digits[32];
	cal_format_iso(cal_add_working_days(cal, today, svc.immediate ? 0 : svc.processing_days), due);
	ids_phone_digits(phone->s, phone_digits, sizeof phone_digits);
	const char *at = clock_now_iso(rq->arena);
	struct case_new cn = {
	    .service_id = svc.id,
	    .unit = svc.unit.code,
	    .name = req_field(rq, "name")->s,
	    .phone = phone->s,
	    .phone_digits = phone_digits,
	    .email = email->present ? email->s : NULL,
	    .natid = id_upper[0] ? id_upper : NULL,
	    .channel = channel->s,
	    .code_hash = code_hash,
	    .received_on = clock_today_iso(rq->arena),
	    .received_at = at,
	    .due_on = due,
	    .days = svc.immediate ? 0 : svc.processing_days,
	    .user_id = rq->sess->user.id,
	    .form_hash = form_hash,
	};
	char no[NO_SIZE];
	long long id;
	const char *user = rq->sess->user.username;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = store_case_create(st, &cn, no, &id);
	if (e == ERR_OK)
		e = store_case_event(st, id, at, rq->sess->user.id, user, NULL, "received", NULL);
	if (e == ERR_OK && svc.immediate) {
		e = store_case_set_state(st, id, "received", "closed", at);
		if (e == ERR_OK)
			e = store_case_event(st, id, at, rq->sess->user.id, user, "received", "closed",
			                     T(rq, "note_issued_on_spot"));
	}
	if (e == ERR_OK)
		e = store_audit(st, rq->sess->user.id, user, "case_create", arena_printf(rq->arena, "case:%s", no),
		                svc.code, rq->remote_addr);
	if (store_finish(st, e) != ERR_OK) {
		/* a double click raced us to the insert: the other request made it */
		if (e == ERR_CONFLICT && store_case_by_form(st, rq->arena, form_hash, &made) == ERR_OK)
			to_receipt(rq, rs, once);
		else
			page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	to_receipt(rq, rs, once);
}

/* ---- one case ---- */

static void render_case(struct req *rq, struct resp *rs, struct store *st, const struct case_rec *c, bool full)
{
	const struct cal *cal = store_calendar(st);
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "case_title"), c->case_no));
	case_summary_view(rq, v, c, cal, store_near_days(st), full);
	tobj_bool(v, "full", full);
	tobj_bool(v, "may_reveal", !full && case_may(rq, c, ACC_REVEAL));
	bool act = case_may(rq, c, ACC_HANDLE);
	enum case_state cs = case_state_parse(c->state);
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
			tobj_str(o, "to_label", T(rq, arena_printf(rq->arena, "state_%s", ev[i].to_state)));
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
	rs->no_store = true;
	page_render(rq, rs, "case", v);
}

void h_case_view(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!load_case(rq, rs, st, &c))
		return;
	render_case(rq, rs, st, &c, false);
}

void h_case_reveal(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!load_case(rq, rs, st, &c))
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
	render_case(rq, rs, st, &c, true);
}

/* Reject, withdraw and close cannot be undone: they need a confirmation step and a recorded reason. */
static void move_confirm(struct req *rq, struct resp *rs, const struct case_rec *c, enum case_state to,
                         const char *err_key)
{
	const char *label = T(rq, arena_printf(rq->arena, "move_%s", case_state_name(to)));
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s — %s", T(rq, "confirm_title"), label));
	tobj_str(v, "record_label", T(rq, "case_title"));
	tobj_str(v, "no", c->case_no);
	tobj_str(v, "state_label", T(rq, arena_printf(rq->arena, "state_%s", c->state)));
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
	if (!load_case(rq, rs, st, &c))
		return;
	const struct fval *to_f = req_field(rq, "to"), *note_f = req_field(rq, "note");
	enum case_state from = case_state_parse(c.state), to = case_state_parse(to_f->s);
	if (!case_may(rq, &c, ACC_HANDLE)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	if (to_f->err_key || note_f->err_key) {
		page_error(rq, rs, 400, to_f->err_key ? to_f->err_key : note_f->err_key);
		return;
	}
	const char *state_label = T(rq, arena_printf(rq->arena, "state_%s", c.state));
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
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = store_case_set_state(st, c.id, c.state, case_state_name(to), at);
	if (e == ERR_OK)
		e = store_case_event(st, c.id, at, rq->sess->user.id, rq->sess->user.username, c.state,
		                     case_state_name(to), note);
	if (e == ERR_OK)
		e = store_audit(st, rq->sess->user.id, rq->sess->user.username, "case_move",
		                arena_printf(rq->arena, "case:%s", c.case_no),
		                arena_printf(rq->arena, "%s->%s", c.state, case_state_name(to)), rq->remote_addr);
	e = store_finish(st, e);
	if (e == ERR_CONFLICT) {
		/* someone moved it first: say where it is now */
		bool now = store_case_by_no(st, rq->arena, c.case_no, &c) == ERR_OK;
		page_conflict(rq, rs, "err_case_changed",
		              now ? T(rq, arena_printf(rq->arena, "state_%s", c.state)) : NULL);
		return;
	}
	if (e != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/cases/%s", c.case_no));
}

/* ---- the per-case one-time notice ---- */

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
	if (!load_case(rq, rs, st, &c))
		return;
	if (!case_may(rq, &c, ACC_HANDLE) || !case_move_allowed(case_state_parse(c.state), CS_CORRECTION, CA_NOTICE)) {
		page_error(rq, rs, 409, "err_notice_state");
		return;
	}
	notice_form(rq, rs, st, &c, 200, NULL);
}

void h_notice_create(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!load_case(rq, rs, st, &c))
		return;
	if (!case_may(rq, &c, ACC_HANDLE) || !case_move_allowed(case_state_parse(c.state), CS_CORRECTION, CA_NOTICE)) {
		page_error(rq, rs, 409, "err_notice_state");
		return;
	}
	const struct fval *picked = req_field(rq, "item"), *extra = req_field(rq, "extra"),
	                  *deadline = req_field(rq, "deadline"), *reason = req_field(rq, "reason");
	if (picked->err_key || extra->err_key || deadline->err_key || reason->err_key) {
		notice_form(rq, rs, st, &c, 422,
		            picked->err_key     ? picked->err_key
		            : extra->err_key    ? extra->err_key
		            : deadline->err_key ? deadline->err_key
		                                : reason->err_key);
		return;
	}
	struct service_line *items;
	size_t n;
	struct correction_rec *prev;
	size_t nprev;
	if (store_service_items(st, rq->arena, c.service_id, &items, &n) != ERR_OK ||
	    store_corrections(st, rq->arena, c.id, &prev, &nprev) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	/* the ticked items, in the service's order, then each free-text line */
	const char *zh[80], *en[80];
	size_t k = 0;
	for (size_t i = 0; i < n && k < 64; i++)
		for (size_t j = 0; j < picked->nmulti; j++)
			if (atoi(picked->multi[j]) == items[i].seq) {
				zh[k] = items[i].text[LANG_ZH];
				en[k++] = items[i].text[LANG_EN];
				break;
			}
	char *lines = arena_strdup(rq->arena, extra->s), *save = NULL;
	for (char *line = strtok_r(lines, "\r\n", &save); line && k < 80; line = strtok_r(NULL, "\r\n", &save))
		if (*line) {
			zh[k] = line;
			en[k++] = NULL;
		}
	if (k == 0) {
		notice_form(rq, rs, st, &c, 422, "err_notice_empty");
		return;
	}
	if (nprev > 0 && !reason->present) {
		notice_form(rq, rs, st, &c, 422, "err_notice_reason");
		return;
	}
	int32_t today = clock_office_day(clock_now()), dl;
	const struct cal *cal = store_calendar(st);
	if (deadline->present) {
		if (!cal_parse_iso(deadline->s, &dl) || dl <= today) {
			notice_form(rq, rs, st, &c, 422, "err_deadline_past");
			return;
		}
		dl = cal_next_open(cal, dl);
	} else {
		struct service_rec svc;
		if (store_service(st, rq->arena, c.service_code, &svc) != ERR_OK) {
			page_error(rq, rs, 503, "err_unavailable");
			return;
		}
		dl = cal_add_working_days(cal, today, svc.correction_days);
	}
	char dl_iso[CAL_ISO_SIZE];
	cal_format_iso(dl, dl_iso);
	const char *at = clock_now_iso(rq->arena), *today_s = clock_today_iso(rq->arena);
	const struct user_rec *u = &rq->sess->user;
	long long nid;
	int seq = (int)nprev + 1;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = store_correction_create(st, c.id, seq, at, today_s, u->id, u->display_name,
		                            u->phone && *u->phone ? u->phone : c.unit_phone, dl_iso,
		                            reason->present ? reason->s : NULL, zh, en, k, &nid);
	if (e == ERR_OK)
		e = store_case_set_state(st, c.id, "review", "correction", at);
	if (e == ERR_OK)
		e = store_case_pause(st, c.id, today_s);
	if (e == ERR_OK)
		e = store_case_event(st, c.id, at, u->id, u->username, "review", "correction",
		                     arena_printf(rq->arena, "%s %d", T(rq, "notice_title"), seq));
	if (e == ERR_OK)
		e = store_audit(st, u->id, u->username, "notice_issue", arena_printf(rq->arena, "case:%s", c.case_no),
		                arena_printf(rq->arena, "notice %d, %zu items", seq, k), rq->remote_addr);
	if (store_finish(st, e) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/cases/%s/notice/%d", c.case_no, seq));
}

void h_notice_print(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct case_rec c;
	if (!load_case(rq, rs, st, &c))
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
	if (!load_case(rq, rs, st, &c))
		return;
	if (!case_may(rq, &c, ACC_HANDLE) || !case_move_allowed(case_state_parse(c.state), CS_REVIEW, CA_CORRECTED) ||
	    !c.paused_since) {
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
	cal_format_iso(cal_add_working_days(cal, rec, c.days + c.paused_days + waited), due);
	const char *at = clock_now_iso(rq->arena);
	const struct user_rec *u = &rq->sess->user;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = store_case_set_state(st, c.id, "correction", "review", at);
	if (e == ERR_OK)
		e = store_case_resume(st, c.id, waited, due);
	if (e == ERR_OK)
		e = store_correction_resolve(st, c.id, clock_today_iso(rq->arena));
	if (e == ERR_OK)
		e = store_case_event(st, c.id, at, u->id, u->username, "correction", "review",
		                     arena_printf(rq->arena, "%s (+%d)", T(rq, "note_corrected"), waited));
	if (e == ERR_OK)
		e = store_audit(st, u->id, u->username, "case_corrected", arena_printf(rq->arena, "case:%s", c.case_no),
		                NULL, rq->remote_addr);
	if (store_finish(st, e) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/cases/%s", c.case_no));
}

/* ---- finding and queues ---- */

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
	if (!st) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	const struct fval *q = req_field(rq, "q");
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
	if (!st) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	const char *unit = rq->sess->user.unit;
	if (rq->sess->role == ROLE_ADMIN || (rq->sess->role == ROLE_HEAD && !unit))
		unit = NULL;
	struct case_rec *cs;
	size_t n;
	if (store_cases_open(st, rq->arena, unit, &cs, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "queue_title"));
	view_text(rq, v, "unit_name", rq->sess->user.unit_name);
	case_list_view(rq, st, v, cs, n);
	rs->no_store = true;
	page_render(rq, rs, "queue", v);
}

void staff_dashboard_view(struct req *rq, struct tobj *v)
{
	petition_dashboard_view(rq, v); /* petitions.c: petition counts, notifications */
	struct store *st = req_store(rq);
	struct case_rec *cs;
	size_t n;
	const char *unit = rq->sess->role == ROLE_ADMIN ? NULL : rq->sess->user.unit;
	if (!st || store_cases_open(st, rq->arena, unit, &cs, &n) != ERR_OK)
		return;
	const struct cal *cal = store_calendar(st);
	int near = store_near_days(st);
	long long soon = 0, today = 0, over = 0;
	for (size_t i = 0; i < n; i++) {
		const char *f = due_flag(cal, near, cs[i].state, cs[i].due_on);
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
	tobj_int(v, "this_year", y);
}
