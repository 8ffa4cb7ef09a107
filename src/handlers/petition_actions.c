/*
 * petition_actions.c -- what staff do to a petition: route it to a unit,
 * assign an officer, close it with an outcome (reply, transfer, not
 * handled, duplicate; confirmed with a reason), extensions (ask,
 * decide, allow one more), and 會辦 (the lead asks other units, each
 * records its part; the reply waits for them all).
 */
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/forms.h"
#include "domain/ids.h"
#include "domain/petition.h"
#include "handlers/citizen_notify.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/catalog.h"
#include "store/deadlines.h"
#include "store/extensions.h"
#include "store/petitions.h"
#include "store/staff.h"

void h_petition_route(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_ROUTE)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	if (!pet_move_allowed(p.state, PS_ROUTED)) {
		page_error(rq, rs, 409, "err_pet_conflict");
		return;
	}
	const struct fval *unit = req_val(rq, K_UNIT), *cat = req_val(rq, K_CATEGORY);
	struct unit_rec *units;
	struct named_rec *cats;
	size_t nu, nc;
	bool unit_ok = false;
	if (store_units(st, rq->arena, &units, &nu) == ERR_OK)
		for (size_t i = 0; i < nu; i++)
			unit_ok |= strcmp(units[i].code, unit->s) == 0;
	if (!unit_ok) {
		petition_render(rq, rs, st, &p, false, 422, "err_pet_unit");
		return;
	}
	const char *category = cat->present ? cat->s : p.category;
	if (cat->present &&
	    (store_categories(st, rq->arena, &cats, &nc) != ERR_OK || !named_code_in(cats, nc, cat->s))) {
		petition_render(rq, rs, st, &p, false, 422, "err_pet_category");
		return;
	}
	/* the rule may differ for the new category; an approved extension stands */
	int days = p.days;
	if (store_petition_rule_days(st, p.channel, category, &days) != ERR_OK)
		days = p.days;
	int32_t rec, ext = CAL_DAY_INVALID;
	cal_parse_iso(p.received_on, &rec);
	if (p.ext_until)
		cal_parse_iso(p.ext_until, &ext);
	char due[CAL_ISO_SIZE];
	cal_format_iso(pet_due(store_calendar(st), rec, days, ext), due);
	const char *to_name = unit->s;
	for (size_t i = 0; i < nu; i++)
		if (strcmp(units[i].code, unit->s) == 0)
			to_name = pick(rq, units[i].name);
	const char *note = p.unit ? arena_printf(rq->arena, "%s → %s", pick(rq, p.unit_name), to_name) : to_name;
	store_begin(st);
	store_petition_route(st, p.id, p.state, unit->s, category, days, due);
	petition_event(rq, st, &p, p.unit ? "rerouted" : "routed", "routed", note);
	petition_audit(rq, st, "petition_route", &p, unit->s);
	if (petition_finish(rq, rs, st))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

void h_petition_assign(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_ASSIGN)) {
		page_error(rq, rs, petition_open(&p) ? 403 : 409,
		           petition_open(&p) ? "err_forbidden" : "err_pet_conflict");
		return;
	}
	struct user_rec u;
	if (!officer_of_unit(rq, st, req_val(rq, K_OFFICER)->i, p.unit, &u)) {
		petition_render(rq, rs, st, &p, false, 422, "err_pet_officer");
		return;
	}
	const char *note =
	    p.officer_name ? arena_printf(rq->arena, "%s → %s", p.officer_name, u.display_name) : u.display_name;
	store_begin(st);
	store_petition_assign(st, p.id, p.state, u.id);
	petition_event(rq, st, &p, p.officer_id ? "reassigned" : "assigned", "assigned", note);
	petition_audit(rq, st, "petition_assign", &p, u.username);
	if (petition_finish(rq, rs, st))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

static void add_detail(struct req *rq, struct tlist *l, const char *label_key, const char *value)
{
	if (!value)
		return;
	struct tobj *o = tlist_obj(l);
	tobj_str(o, "label", T(rq, label_key));
	view_data(rq, o, "value", value);
}

/*
 * Closing cannot be undone: the confirmation step shows the outcome as
 * given and asks for the reason; the outcome's fields ride along hidden.
 */
static void close_confirm(struct req *rq, struct resp *rs, const struct petition_rec *p, const char *label_key,
                          const struct petition_outcome *o, const char *err_key)
{
	const char *label = T(rq, label_key);
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s — %s", T(rq, "confirm_title"), label));
	tobj_str(v, "record_label", T(rq, "pet_title"));
	tobj_str(v, "no", p->no);
	tobj_str(v, "state_label", petition_state_label(rq, p->state));
	tobj_str(v, "action_label", label);
	tobj_str(v, "action", url(rq, "/staff/petitions/%s/close", p->no));
	struct tlist *d = tobj_list(v, "details");
	add_detail(rq, d, "pet_reply", o->reply);
	add_detail(rq, d, "pet_agency", o->agency);
	add_detail(rq, d, "pet_transfer_on", o->transfer_on ? view_date(rq, o->transfer_on) : NULL);
	add_detail(rq, d, "pet_ground", o->ground ? T(rq, arena_printf(rq->arena, "pground_%s", o->ground)) : NULL);
	add_detail(rq, d, "pet_duplicate_of", o->duplicate_of ? req_val(rq, K_DUP_OF)->s : NULL);
	add_detail(rq, d, "pet_note", o->note && *o->note ? o->note : NULL);
	static const enum key carried[] = {K_OUTCOME, K_REPLY, K_AGENCY, K_TRANSFER_ON, K_GROUND, K_NOTE, K_DUP_OF};
	struct tlist *c = tobj_list(v, "carry");
	for (size_t i = 0; i < sizeof carried / sizeof carried[0]; i++) {
		const struct fval *f = req_val(rq, carried[i]);
		if (!f->present)
			continue;
		struct tobj *h = tlist_obj(c);
		tobj_str(h, "name", key_name(carried[i]));
		tobj_str(h, "value", f->s);
	}
	page_confirm(rq, rs, v, err_key);
}

static const char *present(const struct fval *f)
{
	return f->present ? f->s : NULL;
}

/* The form's fields, in the order their refusals are shown. */
static const enum key close_fields[] = {K_REPLY, K_AGENCY, K_TRANSFER_ON, K_GROUND, K_NOTE, K_DUP_OF};

/*
 * The outcome the closing form asks for, into o, with the confirmation
 * button's label and the audit detail; NULL, or the refusal to show on
 * the petition's page.
 */
static const char *close_validate(struct req *rq, struct store *st, const struct petition_rec *p, enum pet_state to,
                                  struct petition_outcome *o, const char **label_key, const char **detail)
{
	const char *bad = pet_close_check(p->state, to);
	struct co_unit_rec *co = NULL;
	size_t nco = 0, missing = 0;
	if (store_co_units(st, rq->arena, p->id, &co, &nco) != ERR_OK)
		return "err_unavailable";
	for (size_t i = 0; i < nco; i++)
		missing += !co[i].part;
	if (!bad)
		bad = pet_co_close_check(to, missing);
	if (!bad)
		bad = form_first_error(rq, close_fields, sizeof close_fields / sizeof close_fields[0]);
	if (bad)
		return bad;
	const struct fval *dup = req_val(rq, K_DUP_OF);
	char dup_no[NO_SIZE + 4];
	ids_number_upcase(dup->s, dup_no, sizeof dup_no);
	struct pet_outcome_form f = {present(req_val(rq, K_REPLY)), present(req_val(rq, K_AGENCY)),
	                             present(req_val(rq, K_TRANSFER_ON)), present(req_val(rq, K_GROUND)), dup_no};
	bad = pet_outcome_check(to, &f, clock_office_day(clock_now()), p->no);
	struct petition_rec other;
	if (!bad && to == PS_DUPLICATE && store_petition_by_no(st, rq->arena, dup_no, &other) != ERR_OK)
		bad = "err_pet_duplicate";
	if (bad)
		return bad;
	static const char *const labels[PS__MAX] = {[PS_REPLIED] = "pet_reply_button",
	                                            [PS_TRANSFERRED] = "pet_transfer_button",
	                                            [PS_NOT_HANDLED] = "pet_not_handled_button",
	                                            [PS_DUPLICATE] = "pet_duplicate_button"};
	*o = (struct petition_outcome){.state = to, .note = req_val(rq, K_NOTE)->s};
	*label_key = labels[to];
	*detail = pet_state_name(o->state);
	if (to == PS_REPLIED)
		o->reply = f.reply;
	if (to == PS_TRANSFERRED) {
		o->agency = f.agency;
		o->transfer_on = f.transfer_on;
		*detail = arena_printf(rq->arena, "transferred to %s", f.agency);
	}
	if (to == PS_NOT_HANDLED)
		o->ground = f.ground;
	if (to == PS_DUPLICATE) {
		o->duplicate_of = other.id;
		*detail = arena_printf(rq->arena, "duplicate of %s", other.no);
	}
	return NULL;
}

void h_petition_close(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_HANDLE)) {
		if (petition_open(&p))
			page_error(rq, rs, 403, "err_forbidden");
		else
			page_conflict(rq, rs, "err_pet_conflict", petition_state_label(rq, p.state));
		return;
	}
	enum pet_state to = pet_state_parse(req_val(rq, K_OUTCOME)->s);
	struct petition_outcome o;
	const char *label_key, *detail;
	const char *bad = close_validate(rq, st, &p, to, &o, &label_key, &detail);
	if (bad) {
		petition_render(rq, rs, st, &p, false, 422, bad);
		return;
	}
	const char *err_key, *reason = req_confirmed_reason(rq, &err_key);
	if (!reason) {
		close_confirm(rq, rs, &p, label_key, &o, err_key);
		return;
	}
	const char *what = to == PS_DUPLICATE     ? req_val(rq, K_DUP_OF)->s
	                   : to == PS_TRANSFERRED ? req_val(rq, K_AGENCY)->s
	                                          : NULL;
	o.closed_at = clock_now_iso(rq->arena);
	o.closed_on = clock_today_iso(rq->arena);
	store_begin(st);
	store_petition_close(st, p.id, p.state, &o);
	petition_event(rq, st, &p, pet_state_name(o.state), pet_state_name(o.state),
	               what ? arena_printf(rq->arena, "%s · %s", what, reason) : reason);
	notify_petition_outcome(rq, st, &p, &o);
	petition_audit(rq, st, "petition_close", &p, detail);
	if (petition_finish(rq, rs, st))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

void h_petition_ext_ask(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_ASK_EXTENSION)) {
		page_error(rq, rs, 409, petition_is_officer(rq, &p) ? "err_pet_ext_used" : "err_forbidden");
		return;
	}
	const struct fval *until = req_val(rq, K_UNTIL), *reason = req_val(rq, K_REASON);
	const char *bad = until->err_key || reason->err_key
	                      ? "err_pet_ext_reason"
	                      : pet_extension_check(p.due_on, present(until), present(reason));
	if (bad) {
		petition_render(rq, rs, st, &p, false, 422, bad);
		return;
	}
	store_begin(st);
	const struct extension_ask x = {rq->sess->user.id, clock_now_iso(rq->arena), p.due_on, until->s, reason->s, 0};
	store_extension_ask(st, IK_PETITION, p.id, &x);
	petition_event(rq, st, &p, "ext_asked", pet_state_name(p.state),
	               arena_printf(rq->arena, "%s → %s: %s", p.due_on, until->s, reason->s));
	petition_audit(rq, st, "extension_ask", &p, until->s);
	if (petition_finish(rq, rs, st))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

void h_petition_ext_decide(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_DECIDE_EXTENSION)) {
		page_error(rq, rs, p.ext_pending ? 403 : 409, p.ext_pending ? "err_forbidden" : "err_pet_conflict");
		return;
	}
	const char *note = req_val(rq, K_NOTE)->s;
	struct extension_rec x;
	bool approve;
	int status;
	const char *bad = extension_decision(rq, st, IK_PETITION, p.id, &x, &approve, &status);
	if (bad && status == 422) {
		petition_render(rq, rs, st, &p, false, 422, bad);
		return;
	}
	if (bad) {
		page_error(rq, rs, status, bad);
		return;
	}
	char due[CAL_ISO_SIZE] = "";
	int32_t want;
	if (approve) {
		/* a date on which the office is closed moves to the next open day (行政程序法 §48) */
		if (!cal_parse_iso(x.new_due, &want)) {
			page_error(rq, rs, 503, "err_unavailable");
			return;
		}
		cal_format_iso(pet_due(store_calendar(st), 0, 0, want), due);
	}
	store_begin(st);
	store_extension_decide(st, IK_PETITION, x.id, approve ? "approved" : "refused", rq->sess->user.id,
	                       clock_now_iso(rq->arena), note);
	if (approve)
		store_petition_extend(st, p.id, x.new_due, due);
	petition_event(rq, st, &p, approve ? "ext_approved" : "ext_refused", pet_state_name(p.state),
	               approve ? arena_printf(rq->arena, "%s → %s%s%s", p.due_on, due, *note ? ": " : "", note) : note);
	petition_audit(rq, st, approve ? "extension_approve" : "extension_refuse", &p, approve ? due : NULL);
	if (petition_finish(rq, rs, st))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

void h_petition_ext_allow(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_ALLOW_EXTENSION)) {
		page_error(rq, rs, petition_open(&p) ? 403 : 409,
		           petition_open(&p) ? "err_forbidden" : "err_pet_conflict");
		return;
	}
	store_begin(st);
	store_petition_allow_extension(st, p.id);
	petition_event(rq, st, &p, "ext_allowed", pet_state_name(p.state),
	               arena_printf(rq->arena, "%d", p.ext_allowed + 1));
	petition_audit(rq, st, "extension_allow", &p, arena_printf(rq->arena, "%d", p.ext_allowed + 1));
	if (petition_finish(rq, rs, st))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

/* ---- 會辦 ---- */

/* The lead (who may handle it) asks another unit to handle the petition with it. */
void h_petition_co_ask(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!p.unit || !petition_may(rq, &p, ACC_HANDLE)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	const char *unit = req_val(rq, K_UNIT)->s, *name = NULL;
	struct unit_rec *units;
	size_t n;
	if (store_units(st, rq->arena, &units, &n) == ERR_OK)
		for (size_t i = 0; i < n; i++)
			if (strcmp(units[i].code, unit) == 0 && strcmp(unit, p.unit) != 0)
				name = pick(rq, units[i].name);
	if (!name) {
		petition_render(rq, rs, st, &p, false, 422, "err_pet_co_unit");
		return;
	}
	store_begin(st);
	store_co_unit_ask(st, p.id, unit, clock_now_iso(rq->arena), rq->sess->user.username);
	petition_event(rq, st, &p, "co_asked", pet_state_name(p.state), name);
	petition_audit(rq, st, "petition_co_ask", &p, unit);
	if (petition_finish(rq, rs, st))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

/* A unit asked records its part (its officers and heads), once. */
void h_petition_co_answer(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!petition_load(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_CO_ANSWER)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	const struct fval *part = req_val(rq, K_REPLY);
	if (!part->present || part->err_key) {
		petition_render(rq, rs, st, &p, false, 422, "err_pet_co_part");
		return;
	}
	const char *unit = auth_actor(rq).unit;
	store_begin(st);
	store_co_unit_answer(st, p.id, unit, part->s, clock_now_iso(rq->arena), rq->sess->user.username);
	petition_event(rq, st, &p, "co_answered", pet_state_name(p.state), NULL);
	petition_audit(rq, st, "petition_co_answer", &p, unit);
	if (petition_finish(rq, rs, st))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}
