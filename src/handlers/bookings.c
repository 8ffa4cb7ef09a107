/*
 * bookings.c -- appointments for mediation (調解) and free legal advice
 * (義務律師諮詢), issue #18: the citizen picks a free slot and books it
 * with a name, a phone and a one-line subject, gets a confirmation and a
 * cancel code; the appointment desk (民政課) sees a day's list, blocks
 * slots and sets the recurring rules.
 *
 * Slots come from domain/slots.c (the rules over the office calendar, so
 * closed days have none).  A slot is booked at most once: the store's
 * partial unique index refuses a second live booking whatever the
 * processes race, and the loser is told the slot was just taken.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/signup.h"
#include "domain/slots.h"
#include "handlers/handlers.h"
#include "handlers/taking_part.h"
#include "handlers/views.h"
#include "store/bookings.h"
#include "store/calendar.h"
#include "store/citizen_msgs.h"
#include "store/staff.h"

enum {
	BOOK_DAYS = 28, /* how far ahead citizens may book */
	MAX_SLOTS = 512,
	BOOK_WINDOW = 10 * 60, /* bookings per address in a window */
	BOOK_MAX = 60,
};

static const char *kind_label(struct req *rq, const char *kind)
{
	return T(rq, arena_printf(rq->arena, "bk_kind_%s", kind));
}

/* The desk as a record, for the access rules. */
static bool desk_may(const struct req *rq, enum access_action act)
{
	return tp_may(rq, REC_BOOKING, ACCESS_DESK_UNIT, act);
}

struct offer {
	const struct cal *cal;
	struct slot_rule *rules;
	size_t nrules;
	struct slot_block_rec *blocks;
	size_t nblocks;
	struct booking_rec *booked;
	size_t nbooked;
};

/* The rules, blocks and live bookings of days from..to; false on a storage error. */
static bool load_offer(struct req *rq, struct store *st, int32_t from, int32_t to, struct offer *o)
{
	char f[CAL_ISO_SIZE], t[CAL_ISO_SIZE];
	struct slot_rule_rec *rr;
	cal_format_iso(from, f);
	cal_format_iso(to, t);
	memset(o, 0, sizeof *o);
	o->cal = store_calendar(st);
	if (!o->cal || store_slot_rules(st, rq->arena, &rr, &o->nrules) != ERR_OK ||
	    store_slot_blocks(st, rq->arena, f, t, &o->blocks, &o->nblocks) != ERR_OK ||
	    store_bookings_range(st, rq->arena, f, t, &o->booked, &o->nbooked) != ERR_OK)
		return false;
	o->rules = arena_alloc(rq->arena, (o->nrules + 1) * sizeof *o->rules);
	for (size_t i = 0; i < o->nrules; i++)
		o->rules[i] = rr[i].rule;
	return true;
}

static bool same_slot(const char *kind, const char *day, int start, const struct slot *s)
{
	char iso[CAL_ISO_SIZE];
	return strcmp(kind, slot_kind_name(s->kind)) == 0 && strcmp(day, cal_format_iso(s->day, iso)) == 0 &&
	       start == s->start_min;
}

static const struct slot_block_rec *blocked(const struct offer *o, const struct slot *s)
{
	for (size_t i = 0; i < o->nblocks; i++)
		if (same_slot(o->blocks[i].kind, o->blocks[i].day, o->blocks[i].start_min, s))
			return &o->blocks[i];
	return NULL;
}

static const struct booking_rec *booked(const struct offer *o, const struct slot *s)
{
	for (size_t i = 0; i < o->nbooked; i++)
		if (same_slot(o->booked[i].kind, o->booked[i].day, o->booked[i].start_min, s))
			return &o->booked[i];
	return NULL;
}

/* Minutes after midnight, office time, now. */
static int now_minutes(void)
{
	char now[LOCAL_TIME_SIZE];
	local_time_format(clock_now(), now);
	return (now[11] - '0') * 600 + (now[12] - '0') * 60 + (now[14] - '0') * 10 + (now[15] - '0');
}

static bool slot_past(const struct slot *s)
{
	int32_t today = clock_office_day(clock_now());
	return s->day < today || (s->day == today && s->start_min <= now_minutes());
}

/* ---- the citizen's booking form ---- */

enum { BF_SLOT, BF_NAME, BF_PHONE, BF_EMAIL, BF_SUBJECT, BF__MAX };
static const enum key book_fields[BF__MAX] = {K_SLOT, K_NAME, K_PHONE, K_EMAIL, K_SUBJECT};

/* The free slots of each kind, grouped by day, as radio buttons. */
static void free_slots(struct req *rq, struct tobj *v, const struct offer *o, int32_t from, int32_t to)
{
	struct slot *ss = arena_alloc(rq->arena, MAX_SLOTS * sizeof *ss);
	const char *chosen = req_val(rq, K_SLOT)->s;
	struct tlist *kinds = tobj_list(v, "kinds");
	bool any = false;
	for (int k = 0; k < SK__MAX; k++) {
		size_t n = slots_make(o->cal, o->rules, o->nrules, (enum slot_kind)k, from, to, ss, MAX_SLOTS);
		struct tobj *ko = tlist_obj(kinds);
		tobj_str(ko, "kind", slot_kind_name((enum slot_kind)k));
		tobj_str(ko, "kind_label", kind_label(rq, slot_kind_name((enum slot_kind)k)));
		struct tlist *days = tobj_list(ko, "days");
		struct tlist *times = NULL;
		int32_t day = CAL_DAY_INVALID;
		size_t shown = 0;
		for (size_t i = 0; i < n && i < MAX_SLOTS; i++) {
			if (slot_past(&ss[i]) || blocked(o, &ss[i]) || booked(o, &ss[i]))
				continue;
			if (ss[i].day != day) {
				char date[64];
				day = ss[i].day;
				struct tobj *d = tlist_obj(days);
				cal_format_roc(day, rq->lang, date, sizeof date);
				tobj_str(d, "date", arena_strdup(rq->arena, date));
				times = tobj_list(d, "times");
			}
			char key[SLOT_KEY_SIZE], hm[6];
			slot_key(&ss[i], key);
			slot_hhmm(ss[i].start_min, hm);
			struct tobj *t = tlist_obj(times);
			tobj_str(t, "key", arena_strdup(rq->arena, key));
			tobj_str(t, "time", arena_strdup(rq->arena, hm));
			tobj_bool(t, "checked", strcmp(chosen, key) == 0);
			shown++;
		}
		tobj_bool(ko, "none", shown == 0);
		any = any || shown > 0;
	}
	tobj_bool(v, "any_slot", any);
}

static void book_page(struct req *rq, struct resp *rs, int status, const char *const *errors)
{
	struct store *st = req_store(rq);
	int32_t today = clock_office_day(clock_now());
	struct offer o;
	if (!load_offer(rq, st, today, today + BOOK_DAYS, &o)) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "bk_title"));
	tobj_str(v, "csrf", auth_csrf(rq));
	tobj_str(v, "once", auth_form_once(rq));
	view_form_fields(rq, v, book_fields, BF__MAX, errors);
	free_slots(rq, v, &o, today, today + BOOK_DAYS);
	tobj_int(v, "retention_days", tp_retention_days(st, rq));
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "appointments", v);
}

void h_appointments(struct req *rq, struct resp *rs)
{
	book_page(rq, rs, 200, NULL);
}

static bool check_booking(struct req *rq, struct slot *slot, const char **errors)
{
	bool ok = true;
	for (int i = 0; i < BF__MAX; i++)
		errors[i] = req_val(rq, book_fields[i])->err_key;
	for (int i = 0; i < BF__MAX; i++)
		if (!errors[i] && i != BF_EMAIL && !req_val(rq, book_fields[i])->present)
			errors[i] = i == BF_SLOT ? "bk_err_slot" : "err_required";
	if (!errors[BF_SLOT] && !slot_key_parse(req_val(rq, K_SLOT)->s, slot))
		errors[BF_SLOT] = "bk_err_slot";
	if (!errors[BF_PHONE] && !ids_phone_ok(req_val(rq, K_PHONE)->s))
		errors[BF_PHONE] = "err_phone";
	if (!errors[BF_EMAIL] && req_val(rq, K_EMAIL)->present && !ids_email_ok(req_val(rq, K_EMAIL)->s))
		errors[BF_EMAIL] = "err_email";
	for (int i = 0; i < BF__MAX; i++)
		ok = ok && !errors[i];
	return ok;
}

/* Whether the slot is offered, in the future and not blocked (length filled in); read in the transaction. */
static enum err slot_bookable(struct req *rq, struct store *st, struct slot *s)
{
	struct offer o;
	if (!load_offer(rq, st, s->day, s->day, &o))
		return ERR_DB;
	if (!slot_offered(o.cal, o.rules, o.nrules, s->kind, s->day, s->start_min, &s->length_min) || slot_past(s) ||
	    s->day > clock_office_day(clock_now()) + BOOK_DAYS || blocked(&o, s))
		return ERR_NOTFOUND;
	return ERR_OK;
}

static void to_receipt(struct req *rq, struct resp *rs, const char *once)
{
	auth_receipt_set(rq, once);
	page_redirect(rq, rs, url(rq, "/appointments/receipt"));
}

static const char *slot_label(struct req *rq, const char *kind, const char *day, int start)
{
	char hm[6];
	slot_hhmm(start, hm);
	return arena_printf(rq->arena, "%s %s %s", kind_label(rq, kind), view_date(rq, day), hm);
}

void h_appointment_book(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *once = auth_form_once(rq);
	char form_hash[FORM_HASH_SIZE], code[QUERY_CODE_LEN + 1], code_hash[CODE_HASH_SIZE], day[CAL_ISO_SIZE];
	ids_form_hash(once, form_hash);
	struct booking_rec made;
	if (store_booking_by_form(st, rq->arena, form_hash, &made) == ERR_OK) {
		to_receipt(rq, rs, once);
		return;
	}
	const char *errors[BF__MAX];
	struct slot slot;
	if (!check_booking(rq, &slot, errors)) {
		book_page(rq, rs, 422, errors);
		return;
	}
	ids_query_code_for(once, code);
	auth_hash_code(code, code_hash);
	struct booking_new b = {
	    .kind = slot_kind_name(slot.kind),
	    .day = cal_format_iso(slot.day, day),
	    .start_min = slot.start_min,
	    .form_hash = form_hash,
	    .code_hash = code_hash,
	    .name = req_val(rq, K_NAME)->s,
	    .phone = req_val(rq, K_PHONE)->s,
	    .email = req_val(rq, K_EMAIL)->s,
	    .subject = req_val(rq, K_SUBJECT)->s,
	    .at = clock_now_iso(rq->arena),
	};
	const struct attempt_limit brake = {arena_printf(rq->arena, "addr:%s", rq->remote_addr ? rq->remote_addr : "-"),
	                                    BOOK_MAX};
	long retry_s = 0;
	long long id = 0;
	enum err err = store_begin(st);
	if (err == ERR_OK)
		err = store_attempt_take(st, "booking", &brake, 1, clock_now(), BOOK_WINDOW, &retry_s);
	if (err == ERR_OK)
		err = slot_bookable(rq, st, &slot);
	b.length_min = slot.length_min;
	if (err == ERR_OK)
		err = store_booking_add(st, &b, &id); /* ERR_CONFLICT: someone holds the slot */
	if (err == ERR_OK) {
		const char *what = slot_label(rq, b.kind, b.day, b.start_min);
		const struct cmsg m = {
		    arena_printf(rq->arena, "%s: %s", T(rq, "bk_confirmed"), what),
		    arena_printf(rq->arena, "%s\n%s\n%s: %s\n", T(rq, "bk_confirmed"), what, T(rq, "ev_cancel_code"),
		                 code),
		};
		err = store_cmsg_queue_mail(st, &(struct cmsg_to){"booking", id, NULL, b.email, NULL}, "booking", &m);
	}
	store_fail(st, err);
	err = store_finish(st);
	if (err == ERR_OK) {
		to_receipt(rq, rs, once);
		return;
	}
	if (err == ERR_LIMIT) {
		page_try_later(rq, rs, (retry_s + 59) / 60);
	} else if (err == ERR_CONFLICT && store_booking_by_form(st, rq->arena, form_hash, &made) == ERR_OK) {
		to_receipt(rq, rs, once);
	} else if (err == ERR_CONFLICT || err == ERR_NOTFOUND) {
		errors[BF_SLOT] = err == ERR_CONFLICT ? "bk_err_taken" : "bk_err_slot";
		book_page(rq, rs, 409, errors);
	} else {
		page_error(rq, rs, 503, "err_unavailable");
	}
}

void h_appointment_receipt(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *once = auth_receipt_once(rq);
	char form_hash[FORM_HASH_SIZE], code[QUERY_CODE_LEN + 1];
	struct booking_rec b;
	enum err err = ERR_NOTFOUND;
	if (once) {
		ids_form_hash(once, form_hash);
		err = store_booking_by_form(st, rq->arena, form_hash, &b);
	}
	if (err != ERR_OK) {
		page_error_lookup(rq, rs, err, "err_not_found");
		return;
	}
	ids_query_code_for(once, code);
	struct tobj *v = view_new(rq, T(rq, "bk_receipt_title"));
	char hm[6];
	slot_hhmm(b.start_min, hm);
	tobj_str(v, "kind_label", kind_label(rq, b.kind));
	tobj_str(v, "date", view_date(rq, b.day));
	tobj_str(v, "time", arena_strdup(rq->arena, hm));
	tobj_int(v, "minutes", b.length_min);
	view_data(rq, v, "subject", b.subject);
	tobj_str(v, "code", code);
	tobj_bool(v, "cancelled", strcmp(b.state, "cancelled") == 0);
	tobj_bool(v, "mailed", b.email && *b.email);
	tobj_int(v, "retention_days", tp_retention_days(st, rq));
	rs->no_store = true;
	page_render(rq, rs, "appointment_receipt", v);
}

/* Cancels the booking with that code, in the open transaction. */
static void cancel_booking(struct req *rq, struct store *st, const char *code_hash)
{
	struct booking_rec b = {0};
	store_fail(st, store_booking_by_code(st, rq->arena, code_hash, &b));
	store_booking_cancel(st, b.id, clock_now_iso(rq->arena));
}

static const struct tp_cancel booking_cancel = {"bk_cancel_title", "appointment_cancel", "/appointments/cancel?done=1",
                                                "booking_cancel", cancel_booking};

void h_appointment_cancel_form(struct req *rq, struct resp *rs)
{
	tp_cancel_page(rq, rs, &booking_cancel, 200, NULL);
}

void h_appointment_cancel(struct req *rq, struct resp *rs)
{
	tp_cancel(rq, rs, &booking_cancel);
}

/* ---- the desk: a day's list, blocks, rules ---- */

static int32_t chosen_day(struct req *rq)
{
	int32_t day;
	const struct fval *f = req_val(rq, K_DAY);
	if (f->present && !f->err_key && cal_parse_iso(f->s, &day))
		return day;
	return clock_office_day(clock_now());
}

static void rules_view(struct req *rq, struct store *st, struct tobj *v)
{
	struct slot_rule_rec *rr;
	size_t n;
	if (store_slot_rules(st, rq->arena, &rr, &n) != ERR_OK)
		return;
	struct tlist *l = tobj_list(v, "rules");
	for (size_t i = 0; i < n; i++) {
		const struct slot_rule *r = &rr[i].rule;
		char a[6], b[6], from[CAL_ISO_SIZE], until[CAL_ISO_SIZE];
		struct tobj *o = tlist_obj(l);
		slot_hhmm(r->start_min, a);
		slot_hhmm(r->end_min, b);
		tobj_str(o, "kind_label", kind_label(rq, slot_kind_name(r->kind)));
		tobj_str(o, "weekday", T(rq, arena_printf(rq->arena, "bk_wd_%d", r->weekday)));
		tobj_str(o, "hours", arena_printf(rq->arena, "%s–%s", a, b));
		tobj_int(o, "length", r->length_min);
		tobj_str(o, "from", arena_strdup(rq->arena, cal_format_iso(r->from_day, from)));
		if (r->until_day != CAL_DAY_INVALID)
			tobj_str(o, "until", arena_strdup(rq->arena, cal_format_iso(r->until_day, until)));
		tobj_str(o, "remove_action", url(rq, "/staff/appointments/rules/%lld/delete", rr[i].id));
	}
	struct tlist *wd = tobj_list(v, "weekdays");
	for (int d = 0; d < 7; d++) {
		struct tobj *o = tlist_obj(wd);
		tobj_int(o, "value", d);
		tobj_str(o, "label", T(rq, arena_printf(rq->arena, "bk_wd_%d", d)));
		tobj_bool(o, "selected", d == 3);
	}
}

void h_staff_appointments(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	if (!desk_may(rq, ACC_VIEW_IDENTITY)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	int32_t day = chosen_day(rq);
	char iso[CAL_ISO_SIZE];
	cal_format_iso(day, iso);
	struct offer o;
	struct cmsg_rec *ms;
	size_t nm;
	if (!load_offer(rq, st, day, day, &o) || store_cmsgs_of_day(st, rq->arena, iso, &ms, &nm) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	bool full = desk_may(rq, ACC_REVEAL), edit = desk_may(rq, ACC_EDIT);
	struct tobj *v = view_new(rq, T(rq, "bk_staff_title"));
	tobj_str(v, "day", arena_strdup(rq->arena, iso));
	tobj_str(v, "day_label", view_date(rq, iso));
	tobj_str(v, "prev", arena_strdup(rq->arena, cal_format_iso(day - 1, (char[CAL_ISO_SIZE]){0})));
	tobj_str(v, "next", arena_strdup(rq->arena, cal_format_iso(day + 1, (char[CAL_ISO_SIZE]){0})));
	tobj_bool(v, "closed_day", !cal_is_open(o.cal, day));
	tobj_bool(v, "may_edit", edit);
	tobj_bool(v, "full_view", full);
	struct slot *ss = arena_alloc(rq->arena, MAX_SLOTS * sizeof *ss);
	struct tlist *l = tobj_list(v, "slots");
	size_t total = 0;
	for (int k = 0; k < SK__MAX; k++) {
		size_t n = slots_make(o.cal, o.rules, o.nrules, (enum slot_kind)k, day, day, ss, MAX_SLOTS);
		for (size_t i = 0; i < n && i < MAX_SLOTS; i++, total++) {
			char hm[6], key[SLOT_KEY_SIZE];
			struct tobj *t = tlist_obj(l);
			slot_hhmm(ss[i].start_min, hm);
			slot_key(&ss[i], key);
			tobj_str(t, "time", arena_strdup(rq->arena, hm));
			tobj_str(t, "kind", slot_kind_name(ss[i].kind));
			tobj_str(t, "kind_label", kind_label(rq, slot_kind_name(ss[i].kind)));
			tobj_str(t, "key", arena_strdup(rq->arena, key));
			const struct booking_rec *b = booked(&o, &ss[i]);
			const struct slot_block_rec *bl = blocked(&o, &ss[i]);
			tobj_bool(t, "booked", b != NULL);
			tobj_bool(t, "blocked", bl != NULL);
			tobj_bool(t, "free", !b && !bl);
			if (b) {
				tp_person(rq, t, b->name, b->phone, b->email, full);
				if (full)
					view_data(rq, t, "subject", b->subject);
			}
			if (bl)
				view_data(rq, t, "reason", bl->reason);
		}
	}
	tobj_bool(v, "no_slots", total == 0);
	tp_mails(rq, v, ms, nm, full);
	if (edit)
		rules_view(rq, st, v);
	if (full && o.nbooked > 0)
		auth_audit(rq, "bookings_view", arena_printf(rq->arena, "bookings:%s", iso), NULL);
	rs->no_store = true;
	page_render(rq, rs, "staff_appointments", v);
}

void h_appointment_block(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct slot s;
	char day[CAL_ISO_SIZE];
	if (!desk_may(rq, ACC_EDIT)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	if (!slot_key_parse(req_val(rq, K_SLOT)->s, &s) || !req_val(rq, K_REASON)->present) {
		page_error(rq, rs, 400, "bk_err_block");
		return;
	}
	struct slot_block_rec b = {slot_kind_name(s.kind), cal_format_iso(s.day, day), req_val(rq, K_REASON)->s,
	                           s.start_min};
	enum err err = store_begin(st);
	if (err == ERR_OK) {
		err = store_slot_block(st, &b, rq->sess->user.id, clock_now_iso(rq->arena));
		if (err == ERR_OK)
			err = auth_audit(rq, "slot_block", arena_printf(rq->arena, "bookings:%s", day),
			                 req_val(rq, K_SLOT)->s);
		store_fail(st, err);
		err = store_finish(st);
	}
	if (err != ERR_OK && err != ERR_CONFLICT) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/appointments?day=%s", day));
}

void h_appointment_rule_add(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	if (!desk_may(rq, ACC_EDIT)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	const struct fval *until = req_val(rq, K_UNTIL);
	struct slot_rule r = {
	    .kind = slot_kind_parse(req_val(rq, K_KIND)->s),
	    .weekday = (int)req_val(rq, K_WEEKDAY)->i,
	    .start_min = slot_parse_hhmm(req_val(rq, K_START)->s),
	    .end_min = slot_parse_hhmm(req_val(rq, K_END)->s),
	    .length_min = (int)req_val(rq, K_LENGTH)->i,
	    .until_day = CAL_DAY_INVALID,
	};
	bool ok = cal_parse_iso(req_val(rq, K_FROM)->s, &r.from_day) &&
	          (!until->present || cal_parse_iso(until->s, &r.until_day)) && r.start_min >= 0 && r.end_min >= 0 &&
	          slot_rule_valid(&r);
	if (!ok) {
		page_error(rq, rs, 422, "bk_err_rule");
		return;
	}
	enum err err = store_begin(st);
	if (err == ERR_OK) {
		err = store_slot_rule_add(st, &r, rq->sess->user.id, clock_now_iso(rq->arena));
		if (err == ERR_OK)
			err = auth_audit(rq, "slot_rule_add", "bookings:rules", slot_kind_name(r.kind));
		store_fail(st, err);
		err = store_finish(st);
	}
	if (err != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/appointments"));
}

void h_appointment_rule_remove(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	long long id;
	if (!desk_may(rq, ACC_EDIT)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	if (!tp_cap_id(rq, 0, &id)) {
		page_error_lookup(rq, rs, ERR_NOTFOUND, "err_not_found");
		return;
	}
	enum err err = store_begin(st);
	if (err == ERR_OK) {
		err = store_slot_rule_remove(st, id);
		if (err == ERR_OK)
			err =
			    auth_audit(rq, "slot_rule_remove", arena_printf(rq->arena, "bookings:rule:%lld", id), NULL);
		store_fail(st, err);
		err = store_finish(st);
	}
	if (err != ERR_OK) {
		page_error_lookup(rq, rs, err, "err_not_found");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/appointments"));
}
