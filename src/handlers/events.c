/*
 * events.c -- events with online sign-up (issue #18): the public list and
 * its iCalendar feed, an event's page with the sign-up form, the
 * confirmation with its cancel code, cancelling (a freed place goes to
 * the first on the waiting list), and the staff pages: publish, the list
 * of who signed up, attendance, CSV, close.
 *
 * A sign-up takes its place inside one BEGIN IMMEDIATE transaction that
 * reads the committed counts, so capacity holds whatever the processes
 * and threads race; the decision is domain/signup.c's.  Access is
 * domain/access.c's (REC_EVENT).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/signup.h"
#include "handlers/handlers.h"
#include "handlers/taking_part.h"
#include "handlers/views.h"
#include "store/citizen_msgs.h"
#include "store/events.h"
#include "store/staff.h"
#include "util/ics.h"

enum {
	UPCOMING_MAX = 100,
	/* sign-ups per address in a window: a whole office behind one NAT may sign up at opening time */
	SIGNUP_WINDOW = 10 * 60,
	SIGNUP_MAX = 300,
};

/* ---- shared pieces ---- */

static bool load_event(struct req *rq, struct resp *rs, struct store *st, struct event_rec *e)
{
	long long id;
	enum err err = ERR_NOTFOUND;
	if (tp_cap_id(rq, 0, &id))
		err = store_event_get(st, rq->arena, id, e);
	if (err != ERR_OK)
		page_error_lookup(rq, rs, err, "err_no_event");
	return err == ERR_OK;
}

static bool event_may(const struct req *rq, const struct event_rec *e, enum access_action act)
{
	return tp_may(rq, REC_EVENT, e->unit, act);
}

static bool signup_open(struct req *rq, const struct event_rec *e)
{
	return signup_window_open(tp_local_now(rq), e->signup_from, e->signup_until, e->starts_at, e->closed);
}

/* The event's public facts into o. */
static void event_view(struct req *rq, struct tobj *o, const struct event_rec *e)
{
	tobj_int(o, "id", e->id);
	tobj_str(o, "href", url(rq, "/events/%lld", e->id));
	view_text(rq, o, "event_title", e->title);
	view_text(rq, o, "place", e->place);
	if (e->body[LANG_ZH] && *e->body[LANG_ZH])
		view_markdown(rq, o, "body", e->body);
	tobj_str(o, "starts", tp_local_label(rq, e->starts_at));
	tobj_str(o, "ends", tp_local_label(rq, e->ends_at));
	tobj_str(o, "starts_iso", e->starts_at);
	tobj_str(o, "signup_from", tp_local_label(rq, e->signup_from));
	tobj_str(o, "signup_until", tp_local_label(rq, e->signup_until));
	tobj_int(o, "capacity", e->capacity);
	tobj_int(o, "taken", e->taken);
	tobj_int(o, "left", e->capacity > e->taken ? e->capacity - e->taken : 0);
	tobj_int(o, "waiting", e->waiting);
	tobj_bool(o, "full", e->taken >= e->capacity);
	tobj_bool(o, "waitlist", e->waitlist);
	tobj_bool(o, "closed", e->closed);
	tobj_bool(o, "open", signup_open(rq, e));
	tobj_bool(o, "not_yet", strcmp(tp_local_now(rq), e->signup_from) < 0);
}

/* ---- the public list and feed ---- */

void h_events(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct event_rec *es;
	size_t n;
	if (store_events_upcoming(st, rq->arena, tp_local_now(rq), UPCOMING_MAX, &es, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "ev_list_title"));
	struct tlist *l = tobj_list(v, "events");
	for (size_t i = 0; i < n; i++)
		event_view(rq, tlist_obj(l), &es[i]);
	tobj_bool(v, "none", n == 0);
	page_render(rq, rs, "events", v);
}

/* "2026-03-04T09:30" (office time) as an iCalendar UTC time "20260304T013000Z". */
static const char *ics_time(struct req *rq, const char *local)
{
	time_t t = local_time_to_unix(local);
	char iso[21];
	clock_iso(t < 0 ? 0 : t, iso);
	return arena_printf(rq->arena, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", iso, iso + 5, iso + 8, iso + 11, iso + 14,
	                    iso + 17);
}

void h_events_ics(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct event_rec *es;
	size_t n;
	if (store_events_upcoming(st, rq->arena, tp_local_now(rq), UPCOMING_MAX, &es, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	const char *site = view_public_url(rq);
	const char *host = strstr(site, "://") ? strstr(site, "://") + 3 : "bianmin";
	const char *stamp = ics_time(rq, tp_local_now(rq));
	struct buf *b = &rs->body;
	buf_reset(b);
	ics_raw(b, "BEGIN", "VCALENDAR");
	ics_raw(b, "VERSION", "2.0");
	ics_raw(b, "PRODID", "-//bianmin//events//ZH-TW");
	ics_raw(b, "CALSCALE", "GREGORIAN");
	ics_text(b, "X-WR-CALNAME", T(rq, "ev_list_title"));
	for (size_t i = 0; i < n; i++) {
		const struct event_rec *e = &es[i];
		ics_raw(b, "BEGIN", "VEVENT");
		ics_raw(b, "UID", arena_printf(rq->arena, "event-%lld@%s", e->id, host));
		ics_raw(b, "DTSTAMP", stamp);
		ics_raw(b, "DTSTART", ics_time(rq, e->starts_at));
		ics_raw(b, "DTEND", ics_time(rq, e->ends_at));
		ics_text(b, "SUMMARY", pick(rq, e->title));
		ics_text(b, "LOCATION", pick(rq, e->place));
		ics_text(b, "DESCRIPTION", pick(rq, e->body));
		ics_text(b, "URL", arena_printf(rq->arena, "%s%s", site, url(rq, "/events/%lld", e->id)));
		if (e->closed)
			ics_raw(b, "STATUS", "CANCELLED");
		ics_raw(b, "END", "VEVENT");
	}
	ics_raw(b, "END", "VCALENDAR");
	rs->status = 200;
	rs->content_type = "text/calendar; charset=utf-8";
}

/* ---- an event's page and its sign-up form ---- */

enum { SI_NAME, SI_PHONE, SI_EMAIL, SI_PEOPLE, SI_ANSWER, SI__MAX };
static const enum key signup_fields[SI__MAX] = {K_NAME, K_PHONE, K_EMAIL, K_PEOPLE, K_ANSWER};

static void event_page(struct req *rq, struct resp *rs, struct store *st, const struct event_rec *e, int status,
                       const char *const *errors)
{
	struct tobj *v = view_new(rq, pick(rq, e->title));
	event_view(rq, v, e);
	tobj_str(v, "csrf", auth_csrf(rq));
	tobj_str(v, "once", auth_form_once(rq));
	tobj_str(v, "action", url(rq, "/events/%lld/signup", e->id));
	view_form_fields(rq, v, signup_fields, SI__MAX, errors);
	tobj_bool(v, "ask_phone", e->ask_phone);
	if (e->question[LANG_ZH] && *e->question[LANG_ZH])
		view_text(rq, v, "question", e->question);
	tobj_bool(v, "has_party", e->max_party > 1);
	if (e->max_party > 1) {
		struct tlist *l = tobj_list(v, "party");
		long long chosen = req_val(rq, K_PEOPLE)->present ? req_val(rq, K_PEOPLE)->i : 1;
		for (int p = 1; p <= e->max_party; p++) {
			struct tobj *o = tlist_obj(l);
			tobj_int(o, "n", p);
			tobj_bool(o, "selected", p == chosen);
		}
	}
	tobj_int(v, "retention_days", tp_retention_days(st, rq));
	survey_event_links(rq, v, e->id, false);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "event", v);
}

void h_event(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct event_rec e;
	if (load_event(rq, rs, st, &e))
		event_page(rq, rs, st, &e, 200, NULL);
}

/* The checks of the sign-up form; true when errors[] is all NULL. */
static bool check_signup(struct req *rq, const struct event_rec *e, const char **errors)
{
	const struct fval *f[SI__MAX];
	bool ok = true;
	for (int i = 0; i < SI__MAX; i++) {
		f[i] = req_val(rq, signup_fields[i]);
		errors[i] = f[i]->err_key;
	}
	if (!errors[SI_NAME] && !f[SI_NAME]->present)
		errors[SI_NAME] = "err_required";
	if (!errors[SI_PHONE] && e->ask_phone && !f[SI_PHONE]->present)
		errors[SI_PHONE] = "err_required";
	if (!errors[SI_PHONE] && f[SI_PHONE]->present && !ids_phone_ok(f[SI_PHONE]->s))
		errors[SI_PHONE] = "err_phone";
	if (!errors[SI_EMAIL] && f[SI_EMAIL]->present && !ids_email_ok(f[SI_EMAIL]->s))
		errors[SI_EMAIL] = "err_email";
	if (!errors[SI_PEOPLE] && f[SI_PEOPLE]->present && (f[SI_PEOPLE]->i < 1 || f[SI_PEOPLE]->i > e->max_party))
		errors[SI_PEOPLE] = "err_out_of_range";
	for (int i = 0; i < SI__MAX; i++)
		ok = ok && !errors[i];
	return ok;
}

/* A sign-up's messages in the citizens' outbox and the UI string that says each. */
enum signup_mail { SM_CONFIRMED, SM_WAITING, SM_PROMOTED };
static const struct {
	const char *msg, *key;
} signup_mails[] = {
    [SM_CONFIRMED] = {"signup", "ev_confirmed"},
    [SM_WAITING] = {"waitlist", "ev_waiting"},
    [SM_PROMOTED] = {"promoted", "ev_promoted"},
};

/*
 * Queues message k to the sign-up's e-mail address, if any, in the
 * citizens' outbox (the scheduler sends it); subject and body in the
 * visitor's language.
 */
static enum err queue_mail(struct req *rq, struct store *st, const struct event_rec *e, long long signup_id,
                           const char *to, enum signup_mail k, const char *code)
{
	const char *state_key = signup_mails[k].key;
	const char *title = pick(rq, e->title);
	const struct cmsg m = {
	    arena_printf(rq->arena, "%s: %s", T(rq, state_key), title),
	    arena_printf(rq->arena, "%s\n%s: %s\n%s: %s\n%s%s%s\n", T(rq, state_key), title,
	                 tp_local_label(rq, e->starts_at), T(rq, "ev_place"), pick(rq, e->place),
	                 code ? T(rq, "ev_cancel_code") : "", code ? ": " : "", code ? code : ""),
	};
	return store_cmsg_queue_mail(st, &(struct cmsg_to){"signup", signup_id, NULL, to, NULL}, signup_mails[k].msg,
	                             &m);
}

static void to_receipt(struct req *rq, struct resp *rs, const char *once)
{
	auth_receipt_set(rq, once);
	page_redirect(rq, rs, url(rq, "/events/receipt"));
}

void h_event_signup(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct event_rec e;
	if (!load_event(rq, rs, st, &e))
		return;
	const char *once = auth_form_once(rq);
	char form_hash[FORM_HASH_SIZE], code[QUERY_CODE_LEN + 1], code_hash[CODE_HASH_SIZE];
	ids_form_hash(once, form_hash);
	struct signup_rec made;
	if (store_signup_by_form(st, rq->arena, form_hash, &made) == ERR_OK) {
		to_receipt(rq, rs, once); /* the same form again: its sign-up, not a second one */
		return;
	}
	const char *errors[SI__MAX];
	if (!check_signup(rq, &e, errors)) {
		event_page(rq, rs, st, &e, 422, errors);
		return;
	}
	ids_query_code_for(once, code);
	auth_hash_code(code, code_hash);
	int people = req_val(rq, K_PEOPLE)->present ? (int)req_val(rq, K_PEOPLE)->i : 1;
	struct signup_new sn = {
	    .event_id = e.id,
	    .form_hash = form_hash,
	    .code_hash = code_hash,
	    .name = req_val(rq, K_NAME)->s,
	    .phone = req_val(rq, K_PHONE)->s,
	    .email = req_val(rq, K_EMAIL)->s,
	    .answer = req_val(rq, K_ANSWER)->s,
	    .people = people,
	    .at = clock_now_iso(rq->arena),
	};
	const struct attempt_limit brake = {arena_printf(rq->arena, "addr:%s", rq->remote_addr ? rq->remote_addr : "-"),
	                                    SIGNUP_MAX};
	long retry_s = 0;
	long long id = 0;
	enum admit admit = ADMIT_FULL;
	enum err err = store_begin(st);
	if (err == ERR_OK)
		err = store_attempt_take(st, "signup", &brake, 1, clock_now(), SIGNUP_WINDOW, &retry_s);
	/* the committed counts, read under the write lock */
	if (err == ERR_OK)
		err = store_event_get(st, rq->arena, e.id, &e);
	if (err == ERR_OK && !signup_open(rq, &e))
		err = ERR_CONFLICT;
	if (err == ERR_OK) {
		admit = signup_admit(e.capacity, e.taken, e.waiting, people, e.waitlist);
		err = admit == ADMIT_FULL ? ERR_CONFLICT : ERR_OK;
	}
	if (err == ERR_OK) {
		sn.state = admit == ADMIT_CONFIRM ? "confirmed" : "waiting";
		err = store_signup_add(st, &sn, &id);
	}
	if (err == ERR_OK)
		err = queue_mail(rq, st, &e, id, sn.email, admit == ADMIT_CONFIRM ? SM_CONFIRMED : SM_WAITING, code);
	store_fail(st, err);
	err = store_finish(st);
	if (err == ERR_OK) {
		to_receipt(rq, rs, once);
		return;
	}
	if (err == ERR_LIMIT)
		page_try_later(rq, rs, (retry_s + 59) / 60);
	else if (err == ERR_CONFLICT && store_signup_by_form(st, rq->arena, form_hash, &made) == ERR_OK)
		to_receipt(rq, rs, once); /* a double click raced us: the other request made it */
	else if (err == ERR_CONFLICT)
		page_conflict(rq, rs, signup_open(rq, &e) ? "ev_err_full" : "ev_err_not_open", NULL);
	else
		page_error(rq, rs, 503, "err_unavailable");
}

void h_event_receipt(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *once = auth_receipt_once(rq);
	char form_hash[FORM_HASH_SIZE], code[QUERY_CODE_LEN + 1];
	struct signup_rec s = {0};
	struct event_rec e;
	enum err err = ERR_NOTFOUND;
	if (once) {
		ids_form_hash(once, form_hash);
		err = store_signup_by_form(st, rq->arena, form_hash, &s);
	}
	if (err == ERR_OK)
		err = store_event_get(st, rq->arena, s.event_id, &e);
	if (err != ERR_OK) {
		page_error_lookup(rq, rs, err, "err_not_found");
		return;
	}
	ids_query_code_for(once, code);
	struct tobj *v = view_new(rq, T(rq, "ev_receipt_title"));
	event_view(rq, v, &e);
	tobj_str(v, "code", code);
	tobj_bool(v, "confirmed", strcmp(s.state, "confirmed") == 0);
	tobj_bool(v, "waiting", strcmp(s.state, "waiting") == 0);
	tobj_bool(v, "cancelled", strcmp(s.state, "cancelled") == 0);
	tobj_int(v, "people", s.people);
	tobj_bool(v, "mailed", s.email && *s.email);
	tobj_int(v, "retention_days", tp_retention_days(st, rq));
	if (strcmp(s.state, "cancelled") != 0)
		survey_event_links(rq, v, e.id, false);
	rs->no_store = true;
	page_render(rq, rs, "event_receipt", v);
}

/* ---- cancelling, and the waiting list moving up ---- */

/* Gives freed places to the waiting list, first come first served, and queues their mails (in a transaction). */
static enum err promote_waiting(struct req *rq, struct store *st, long long event_id)
{
	struct event_rec e;
	struct signup_rec *w = NULL;
	size_t n = 0;
	enum err err = store_event_get(st, rq->arena, event_id, &e);
	if (err == ERR_OK)
		err = store_signups_waiting(st, rq->arena, event_id, &w, &n);
	if (err != ERR_OK || n == 0)
		return err;
	int *people = arena_alloc(rq->arena, n * sizeof *people);
	for (size_t i = 0; i < n; i++)
		people[i] = w[i].people;
	size_t k = signup_promote(e.capacity, e.taken, people, n);
	const char *at = clock_now_iso(rq->arena);
	for (size_t i = 0; err == ERR_OK && i < k; i++) {
		err = store_signup_promote(st, w[i].id, at);
		if (err == ERR_OK)
			err = queue_mail(rq, st, &e, w[i].id, w[i].email, SM_PROMOTED, NULL);
	}
	return err;
}

/* Cancels the sign-up with that code and moves the waiting list up, in the open transaction. */
static void cancel_signup(struct req *rq, struct store *st, const char *code_hash)
{
	struct signup_rec s = {0};
	store_fail(st, store_signup_by_code(st, rq->arena, code_hash, &s));
	store_signup_cancel(st, s.id, clock_now_iso(rq->arena));
	store_fail(st, promote_waiting(rq, st, s.event_id));
}

static const struct tp_cancel signup_cancel = {"ev_cancel_title", "event_cancel", "/events/cancel?done=1",
                                               "signup_cancel", cancel_signup};

void h_event_cancel_form(struct req *rq, struct resp *rs)
{
	tp_cancel_page(rq, rs, &signup_cancel, 200, NULL);
}

void h_event_cancel(struct req *rq, struct resp *rs)
{
	tp_cancel(rq, rs, &signup_cancel);
}

/* ---- staff: publishing ---- */

void h_staff_events(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct event_rec *es;
	size_t n;
	if (store_events_all(st, rq->arena, &es, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "ev_staff_title"));
	struct tlist *l = tobj_list(v, "events");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		event_view(rq, o, &es[i]);
		tobj_str(o, "staff_href", url(rq, "/staff/events/%lld", es[i].id));
	}
	tobj_bool(v, "none", n == 0);
	tobj_bool(v, "may_publish", auth_has(rq, ROLE_BIT(ROLE_OFFICER) | ROLE_BIT(ROLE_HEAD) | ROLE_BIT(ROLE_ADMIN)));
	rs->no_store = true;
	page_render(rq, rs, "staff_events", v);
}

enum {
	EF_UNIT,
	EF_TITLE_ZH,
	EF_TITLE_EN,
	EF_PLACE_ZH,
	EF_PLACE_EN,
	EF_BODY_ZH,
	EF_BODY_EN,
	EF_STARTS,
	EF_ENDS,
	EF_FROM,
	EF_UNTIL,
	EF_CAPACITY,
	EF_PARTY,
	EF_QUESTION_ZH,
	EF_QUESTION_EN,
	EF__MAX
};
static const enum key event_fields[EF__MAX] = {K_UNIT,         K_TITLE_ZH, K_TITLE_EN,  K_PLACE_ZH,    K_PLACE_EN,
                                               K_BODY_ZH,      K_BODY_EN,  K_STARTS_AT, K_ENDS_AT,     K_SIGNUP_FROM,
                                               K_SIGNUP_UNTIL, K_CAPACITY, K_MAX_PARTY, K_QUESTION_ZH, K_QUESTION_EN};

static void event_form(struct req *rq, struct resp *rs, int status, const char *const *errors)
{
	struct store *st = req_store(rq);
	struct tobj *v = view_new(rq, T(rq, "ev_new_title"));
	view_form_fields(rq, v, event_fields, EF__MAX, errors);
	tp_unit_options(rq, st, v, REC_EVENT, req_val(rq, K_UNIT)->present ? req_val(rq, K_UNIT)->s : NULL);
	bool fresh = status == 200;
	tobj_bool(v, "waitlist", fresh || req_val(rq, K_WAITLIST)->present);
	tobj_bool(v, "ask_phone", fresh || req_val(rq, K_ASK_PHONE)->present);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "event_new", v);
}

void h_event_new_form(struct req *rq, struct resp *rs)
{
	event_form(rq, rs, 200, NULL);
}

/* A required office time into out; the error key or NULL. */
static const char *time_field(const struct fval *f, char out[LOCAL_TIME_SIZE])
{
	if (f->err_key)
		return f->err_key;
	if (!f->present)
		return "err_required";
	return local_time_parse(f->s, out) ? NULL : "ev_err_time";
}

void h_event_create(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *errors[EF__MAX] = {0};
	const struct fval *f[EF__MAX];
	for (int i = 0; i < EF__MAX; i++) {
		f[i] = req_val(rq, event_fields[i]);
		errors[i] = f[i]->err_key;
	}
	char t[4][LOCAL_TIME_SIZE];
	for (int i = 0; i < 4; i++)
		errors[EF_STARTS + i] = time_field(f[EF_STARTS + i], t[i]);
	if (!errors[EF_ENDS] && !errors[EF_STARTS] && strcmp(t[1], t[0]) <= 0)
		errors[EF_ENDS] = "ev_err_order";
	if (!errors[EF_UNTIL] && !errors[EF_FROM] && strcmp(t[3], t[2]) <= 0)
		errors[EF_UNTIL] = "ev_err_order";
	for (int i = EF_TITLE_ZH; i <= EF_PLACE_ZH; i += 2)
		if (!errors[i] && !f[i]->present)
			errors[i] = "err_required";
	if (!errors[EF_CAPACITY] && (!f[EF_CAPACITY]->present || f[EF_CAPACITY]->i < 1))
		errors[EF_CAPACITY] = f[EF_CAPACITY]->present ? "err_out_of_range" : "err_required";
	if (!errors[EF_PARTY] && f[EF_PARTY]->present && (f[EF_PARTY]->i < 1 || f[EF_PARTY]->i > 20))
		errors[EF_PARTY] = "err_out_of_range";
	const char *unit = f[EF_UNIT]->present ? f[EF_UNIT]->s : NULL;
	if (!errors[EF_UNIT] && !tp_may(rq, REC_EVENT, unit, ACC_EDIT))
		errors[EF_UNIT] = "tp_err_unit";
	for (int i = 0; i < EF__MAX; i++)
		if (errors[i]) {
			event_form(rq, rs, 422, errors);
			return;
		}
	struct event_rec e = {
	    .unit = unit,
	    .title = {f[EF_TITLE_ZH]->s, f[EF_TITLE_EN]->s},
	    .place = {f[EF_PLACE_ZH]->s, f[EF_PLACE_EN]->s},
	    .body = {f[EF_BODY_ZH]->s, f[EF_BODY_EN]->s},
	    .question = {f[EF_QUESTION_ZH]->s, f[EF_QUESTION_EN]->s},
	    .starts_at = t[0],
	    .ends_at = t[1],
	    .signup_from = t[2],
	    .signup_until = t[3],
	    .capacity = (int)f[EF_CAPACITY]->i,
	    .max_party = f[EF_PARTY]->present ? (int)f[EF_PARTY]->i : 1,
	    .waitlist = req_val(rq, K_WAITLIST)->present,
	    .ask_phone = req_val(rq, K_ASK_PHONE)->present,
	};
	long long id = 0;
	enum err err = store_begin(st);
	if (err == ERR_OK)
		err = store_event_create(st, &e, rq->sess->user.id, clock_now_iso(rq->arena), &id);
	if (err == ERR_OK)
		err = auth_audit(rq, "event_create", arena_printf(rq->arena, "event:%lld", id), NULL);
	store_fail(st, err);
	if (store_finish(st) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/events/%lld", id));
}

/* ---- staff: one event, its sign-ups ---- */

static bool load_staff_event(struct req *rq, struct resp *rs, struct event_rec *e, enum access_action act)
{
	struct store *st = req_store(rq);
	if (!load_event(rq, rs, st, e))
		return false;
	if (!event_may(rq, e, act)) {
		page_error(rq, rs, 403, "err_forbidden");
		return false;
	}
	return true;
}

static const char *state_label(struct req *rq, const char *state)
{
	return T(rq, arena_printf(rq->arena, "ev_state_%s", state));
}

void h_staff_event(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct event_rec e;
	if (!load_staff_event(rq, rs, &e, ACC_VIEW_SUMMARY))
		return;
	bool list = event_may(rq, &e, ACC_VIEW_IDENTITY), full = event_may(rq, &e, ACC_REVEAL);
	struct signup_rec *ss = NULL;
	struct cmsg_rec *ms = NULL;
	size_t n = 0, nm = 0;
	if (list && (store_signups(st, rq->arena, e.id, &ss, &n) != ERR_OK ||
	             store_cmsgs_of_event(st, rq->arena, e.id, &ms, &nm) != ERR_OK)) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, pick(rq, e.title));
	event_view(rq, v, &e);
	tobj_bool(v, "list", list);
	tobj_bool(v, "full_view", full);
	tobj_bool(v, "may_edit", event_may(rq, &e, ACC_EDIT));
	tobj_bool(v, "purged", e.purged_at != NULL);
	tobj_str(v, "attendance_action", url(rq, "/staff/events/%lld/attendance", e.id));
	tobj_str(v, "close_action", url(rq, "/staff/events/%lld/close", e.id));
	tobj_str(v, "csv_href", url(rq, "/staff/events/%lld/signups.csv", e.id));
	tobj_int(v, "retention_days", tp_retention_days(st, rq));
	survey_event_links(rq, v, e.id, true);
	struct tlist *l = tobj_list(v, "signups");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_int(o, "id", ss[i].id);
		tobj_int(o, "no", (long long)i + 1);
		tp_person(rq, o, ss[i].name, ss[i].phone, ss[i].email, full);
		tobj_int(o, "people", ss[i].people);
		tobj_str(o, "state_label", state_label(rq, ss[i].state));
		tobj_bool(o, "confirmed", strcmp(ss[i].state, "confirmed") == 0);
		tobj_bool(o, "attended", ss[i].attended);
		if (full)
			view_data(rq, o, "answer", ss[i].answer);
		tobj_str(o, "at", view_time(rq, ss[i].created_at));
	}
	tobj_bool(v, "no_signups", n == 0);
	tp_mails(rq, v, ms, nm, full);
	if (full && n > 0)
		auth_audit(rq, "event_signups_view", arena_printf(rq->arena, "event:%lld", e.id), NULL);
	rs->no_store = true;
	page_render(rq, rs, "staff_event", v);
}

void h_event_attendance(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct event_rec e;
	if (!load_staff_event(rq, rs, &e, ACC_EDIT))
		return;
	const struct fval *f = req_val(rq, K_PRESENT);
	long long *ids = arena_alloc(rq->arena, (f->nmulti + 1) * sizeof *ids);
	size_t n = 0;
	for (size_t i = 0; i < f->nmulti; i++) {
		long long id = atoll(f->multi[i]);
		if (id > 0)
			ids[n++] = id;
	}
	enum err err = store_begin(st);
	if (err == ERR_OK)
		err = store_signup_attendance(st, e.id, ids, n);
	if (err == ERR_OK)
		err = auth_audit(rq, "event_attendance", arena_printf(rq->arena, "event:%lld", e.id),
		                 arena_printf(rq->arena, "%zu", n));
	store_fail(st, err);
	if (store_finish(st) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/events/%lld", e.id));
}

void h_event_close(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct event_rec e;
	if (!load_staff_event(rq, rs, &e, ACC_EDIT))
		return;
	enum err err = store_begin(st);
	if (err == ERR_OK)
		err = store_event_close(st, e.id);
	if (err == ERR_OK)
		err = auth_audit(rq, "event_close", arena_printf(rq->arena, "event:%lld", e.id), NULL);
	store_fail(st, err);
	if (store_finish(st) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/events/%lld", e.id));
}

void h_event_csv(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct event_rec e;
	struct signup_rec *ss;
	size_t n;
	if (!load_staff_event(rq, rs, &e, ACC_REVEAL))
		return;
	if (store_signups(st, rq->arena, e.id, &ss, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	static const char *const head[] = {"ev_col_no",     "pet_name",     "pet_phone",   "pet_email",
	                                   "ev_col_people", "ev_col_state", "ev_col_came", "ev_col_answer"};
	enum { NHEAD = sizeof head / sizeof head[0] };
	struct buf *b = &rs->body;
	buf_reset(b);
	buf_puts(b, "\xEF\xBB\xBF");
	for (size_t i = 0; i < NHEAD; i++)
		buf_put_csv(b, T(rq, head[i]), i + 1 == NHEAD);
	for (size_t i = 0; i < n; i++) {
		const struct signup_rec *s = &ss[i];
		const char *cells[NHEAD] = {arena_printf(rq->arena, "%zu", i + 1),
		                            s->name,
		                            s->phone,
		                            s->email,
		                            arena_printf(rq->arena, "%d", s->people),
		                            state_label(rq, s->state),
		                            s->attended ? "1" : "0",
		                            s->answer};
		for (size_t k = 0; k < NHEAD; k++)
			buf_put_csv(b, cells[k] ? cells[k] : "", k + 1 == NHEAD);
	}
	rs->status = 200;
	rs->content_type = "text/csv; charset=utf-8";
	rs->no_store = true;
	resp_header(rs, "Content-Disposition",
	            arena_printf(rq->arena, "attachment; filename=\"event-%lld.csv\"", e.id));
	auth_audit(rq, "event_csv", arena_printf(rq->arena, "event:%lld", e.id), NULL);
}
