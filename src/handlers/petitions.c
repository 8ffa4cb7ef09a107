/*
 * petitions.c -- petitions (陳情) from every channel: the citizen's form,
 * staff intake for the other channels (the counter with its read-back,
 * the fast 1999 form, mailboxes, letters...), routing to a unit and an
 * officer, the outcomes (reply, transfer, not handled, duplicate),
 * extensions, the queues, the staff dashboard's petition counts and
 * notifications, and the citizen's status page for a petition.
 *
 * Access is decided by domain/access.c (petition_may) from the session's
 * role and unit, never from posted fields.  A confidential petition
 * (行政程序法 §170) shows its content and the petitioner only to its
 * officer, its unit's heads and the office head.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
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
#include "handlers/handlers.h"
#include "store/calendar.h"
#include "store/cases.h"
#include "store/catalog.h"
#include "store/deadlines.h"
#include "store/flags.h"
#include "store/petitions.h"
#include "store/staff.h"

/* Citizen submissions per address in a window (spam brake). */
enum { WEB_WINDOW = 10 * 60, WEB_MAX = 5, DEFAULT_DAYS = 10 };

/* ---- shared pieces ---- */

static bool is_open(const struct petition_rec *p)
{
	return pet_state_open(pet_state_parse(p->state));
}

/* The petition as the access rules see it (domain/access.h). */
static struct record pet_record(const struct petition_rec *p)
{
	enum pet_state s = pet_state_parse(p->state);
	return (struct record){
	    .kind = REC_PETITION,
	    .unit = p->unit,
	    .confidential = p->confidential,
	    .officer_id = p->officer_id,
	    .registered_by = p->created_by,
	    .stage = !pet_state_open(s) ? STAGE_CLOSED
	             : s == PS_RECEIVED ? STAGE_UNROUTED
	                                : STAGE_ROUTED,
	    .ext_pending = p->ext_pending,
	    .ext_asked_by = p->ext_asked_by,
	    .ext_left = p->ext_asked < p->ext_allowed,
	};
}

bool petition_may(const struct req *rq, const struct petition_rec *p, enum access_action act)
{
	struct actor who = auth_actor(rq);
	struct record what = pet_record(p);
	return access_allows(&who, &what, act);
}

/* The signed-in user's standing in the office (queues, dashboard counts). */
static bool is_router(const struct req *rq)
{
	struct actor who = auth_actor(rq);
	return access_routes(&who);
}

static bool office_wide(const struct req *rq)
{
	struct actor who = auth_actor(rq);
	return access_office_wide(&who);
}

static bool is_officer_of(const struct req *rq, const struct petition_rec *p)
{
	return rq->sess && p->officer_id && rq->sess->user.id == p->officer_id;
}

static const char *state_label(struct req *rq, const char *state)
{
	return T(rq, arena_printf(rq->arena, "pstate_%s", state));
}

static const char *channel_label(struct req *rq, const char *channel)
{
	return T(rq, arena_printf(rq->arena, "pch_%s", channel));
}

/* A text as a list of its non-empty lines ({{#name}}<p>{{text}}</p>{{/name}}): no markup needed. */
static void put_lines(struct req *rq, struct tobj *o, const char *name, const char *text)
{
	if (!text)
		return;
	struct tlist *l = tobj_list(o, name);
	char *copy = arena_strdup(rq->arena, text), *save = NULL;
	for (char *line = strtok_r(copy, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save))
		if (*line)
			view_data(rq, tlist_obj(l), "text", line);
}

static void put_tier(struct req *rq, struct tobj *o, const struct cal *cal, const struct petition_rec *p, int near)
{
	int32_t due;
	if (!cal || !is_open(p) || !cal_parse_iso(p->due_on, &due))
		return;
	const char *flag = tier_flag(deadline_tier(cal, clock_office_day(clock_now()), due, near));
	if (!flag)
		return;
	tobj_str(o, "flag", flag);
	tobj_str(o, "flag_label", T(rq, arena_printf(rq->arena, "flag_%s", flag)));
}

static void masked_person(struct req *rq, struct tobj *o, const struct petition_rec *p, bool full)
{
	char buf[160];
	if (p->anonymous) {
		tobj_str(o, "name", T(rq, "pet_anonymous_name"));
		return;
	}
	if (full) {
		view_data(rq, o, "name", p->name);
		tobj_str(o, "phone", p->phone);
		tobj_str(o, "email", p->email);
		view_data(rq, o, "address", p->address);
		return;
	}
	if (p->name) {
		ids_mask_name(p->name, buf, sizeof buf);
		view_data(rq, o, "name", arena_strdup(rq->arena, buf));
	}
	if (p->phone) {
		ids_mask_phone(p->phone, buf, sizeof buf);
		tobj_str(o, "phone", arena_strdup(rq->arena, buf));
	}
	if (p->email) {
		ids_mask_email(p->email, buf, sizeof buf);
		tobj_str(o, "email", arena_strdup(rq->arena, buf));
	}
	if (p->address)
		tobj_str(o, "address", T(rq, "pet_address_hidden"));
}

/*
 * A petition's common fields for lists and pages.  Subject and petitioner
 * only as far as the access rules let this user see them.
 */
static void summary_view(struct req *rq, struct tobj *o, const struct petition_rec *p, const struct cal *cal, int near,
                         bool full)
{
	bool see = petition_may(rq, p, ACC_VIEW_CONTENT);
	tobj_str(o, "no", p->no);
	tobj_str(o, "href", url(rq, "/staff/petitions/%s", p->no));
	tobj_str(o, "state", p->state);
	tobj_str(o, "state_label", state_label(rq, p->state));
	tobj_str(o, "channel_label", channel_label(rq, p->channel));
	tobj_str(o, "ext_ref", p->ext_ref);
	tobj_str(o, "received", view_date(rq, p->received_on));
	tobj_str(o, "due", view_date(rq, p->due_on));
	tobj_str(o, "due_iso", p->due_on);
	tobj_bool(o, "extended", p->ext_until != NULL);
	tobj_bool(o, "ext_pending", p->ext_pending);
	tobj_bool(o, "confidential", p->confidential);
	tobj_bool(o, "anonymous", p->anonymous);
	tobj_bool(o, "read_back", p->read_back);
	tobj_bool(o, "hidden", !see);
	if (p->unit)
		view_text(rq, o, "unit_name", p->unit_name);
	tobj_str(o, "unit_phone", p->unit_phone);
	view_data(rq, o, "officer", p->officer_name);
	if (p->village)
		view_text(rq, o, "village", p->village_name);
	if (p->category)
		view_text(rq, o, "category", p->category_name);
	if (petition_may(rq, p, ACC_VIEW_SUBJECT))
		view_data(rq, o, "subject", p->subject);
	if (petition_may(rq, p, ACC_VIEW_IDENTITY))
		masked_person(rq, o, p, full);
	put_tier(rq, o, cal, p, near);
}

static bool load_petition(struct req *rq, struct resp *rs, struct store *st, struct petition_rec *p)
{
	if (!st) {
		page_error(rq, rs, 503, "err_unavailable");
		return false;
	}
	enum err e = store_petition_by_no(st, rq->arena, req_cap(rq, 0), p);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_no_petition");
		return false;
	}
	return true;
}

/* Commits, or rolls back and answers 503 / 409; true when committed. */
static bool finish(struct req *rq, struct resp *rs, struct store *st, enum err e)
{
	if (e == ERR_OK)
		e = store_commit(st);
	if (e == ERR_OK)
		return true;
	store_rollback(st);
	page_error(rq, rs, e == ERR_CONFLICT ? 409 : 503, e == ERR_CONFLICT ? "err_pet_conflict" : "err_unavailable");
	return false;
}

static enum err audit(struct req *rq, struct store *st, const char *action, const struct petition_rec *p,
                      const char *detail)
{
	return store_audit(st, rq->sess ? rq->sess->user.id : 0, rq->sess ? rq->sess->user.username : NULL, action,
	                   arena_printf(rq->arena, "petition:%s", p->no), detail, rq->remote_addr);
}

static enum err event(struct req *rq, struct store *st, const struct petition_rec *p, const char *action,
                      const char *to, const char *note)
{
	return store_petition_event(st, p->id, clock_now_iso(rq->arena), rq->sess ? rq->sess->user.id : 0,
	                            rq->sess ? rq->sess->user.username : NULL, action, p->state, to, note);
}

/* ---- intake ---- */

/* The form's fields, in this order in errors[] (FI_*). */
enum {
	FI_NAME,
	FI_PHONE,
	FI_EMAIL,
	FI_ADDRESS,
	FI_VILLAGE,
	FI_CATEGORY,
	FI_SUBJECT,
	FI_BODY,
	FI_CHANNEL,
	FI_EXT_REF,
	FI_READ_BACK,
	FI_CONTACT, /* "at least one way to reach you" */
	FI__MAX
};

static const char *const form_fields[FI__MAX] = {
    "name",    "phone", "email",   "address", "village",   "category",
    "subject", "body",  "channel", "ext_ref", "read_back", "contact",
};

/* Staff channels offered on the general intake form (web is the citizen's own). */
static const enum pet_channel staff_channels[] = {PC_COUNTER,    PC_HOTLINE, PC_MAYOR, PC_CHIEF, PC_MAILBOX,
                                                  PC_SUGGESTION, PC_LETTER,  PC_EMAIL, PC_FAX};

/* Which form: the citizen's, staff intake, or the 1999 operator's. */
enum form_kind { FORM_WEB, FORM_STAFF, FORM_HOTLINE };

static void named_options(struct req *rq, struct tobj *v, const char *list, const struct named_rec *items, size_t n,
                          const char *selected)
{
	struct tlist *l = tobj_list(v, list);
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "value", items[i].code);
		tobj_str(o, "label", pick(rq, items[i].name));
		tobj_bool(o, "selected", selected && strcmp(selected, items[i].code) == 0);
	}
}

static void village_category_options(struct req *rq, struct store *st, struct tobj *v)
{
	struct named_rec *items;
	size_t n;
	if (store_villages(st, rq->arena, &items, &n) == ERR_OK)
		named_options(rq, v, "villages", items, n, req_field(rq, "village")->s);
	if (store_categories(st, rq->arena, &items, &n) == ERR_OK)
		named_options(rq, v, "categories", items, n, req_field(rq, "category")->s);
}

/* The caller's earlier petitions and cases (masked), for the 1999 form. */
static void caller_history(struct req *rq, struct store *st, struct tobj *v, const char *phone)
{
	char digits[32];
	ids_phone_digits(phone, digits, sizeof digits);
	if (strlen(digits) < 8)
		return;
	const struct cal *cal = store_calendar(st);
	int near = store_near_days(st);
	struct petition_rec *ps;
	struct case_rec *cs;
	size_t np = 0, nc = 0;
	if (store_petitions_by_phone(st, rq->arena, digits, &ps, &np) == ERR_OK) {
		/* a phone never leads to a confidential petition */
		struct tlist *l = tobj_list(v, "earlier_petitions");
		size_t shown = 0;
		for (size_t i = 0; i < np; i++)
			if (petition_may(rq, &ps[i], ACC_FIND_BY_PHONE)) {
				summary_view(rq, tlist_obj(l), &ps[i], cal, near, false);
				shown++;
			}
		np = shown;
	}
	if (store_cases_find(st, rq->arena, NULL, digits, &cs, &nc) == ERR_OK) {
		struct tlist *l = tobj_list(v, "earlier_cases");
		for (size_t i = 0; i < nc; i++)
			case_summary_view(rq, tlist_obj(l), &cs[i], cal, near, false);
	}
	tobj_bool(v, "has_petitions", np > 0);
	tobj_bool(v, "has_cases", nc > 0);
	tobj_bool(v, "looked_up", true);
	tobj_bool(v, "no_history", np == 0 && nc == 0);
	auth_audit(rq, "caller_lookup", NULL, audit_phone(rq, phone));
}

static void petition_form(struct req *rq, struct resp *rs, enum form_kind kind, int status, const char *const *errors)
{
	struct store *st = req_store(rq);
	static const char *const titles[] = {"pet_new_title", "pet_staff_new_title", "pet_hotline_title"};
	static const char *const tmpls[] = {"petition_new", "petition_staff_new", "petition_hotline"};
	struct tobj *v = view_new(rq, T(rq, titles[kind]));
	if (!st) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	if (kind == FORM_WEB)
		tobj_str(v, "csrf", auth_csrf(rq));
	tobj_str(v, "once", auth_form_once(rq));
	village_category_options(rq, st, v);
	bool any = false;
	for (int i = 0; i < FI__MAX; i++) {
		const char *f = form_fields[i];
		tobj_str(v, f, req_field(rq, f)->s);
		if (errors && errors[i]) {
			tobj_str(v, arena_printf(rq->arena, "%s_error", f), T(rq, errors[i]));
			any = true;
		}
	}
	tobj_bool(v, "anonymous", req_field(rq, "anonymous")->present);
	tobj_bool(v, "confidential", req_field(rq, "confidential")->present);
	tobj_bool(v, "read_back_checked", req_field(rq, "read_back")->present);
	tobj_bool(v, "has_errors", any);
	if (kind == FORM_STAFF) {
		const char *sel = req_field(rq, "channel")->s;
		struct tlist *l = tobj_list(v, "channels");
		for (size_t i = 0; i < sizeof staff_channels / sizeof staff_channels[0]; i++) {
			struct tobj *o = tlist_obj(l);
			const char *name = pet_channel_name(staff_channels[i]);
			tobj_str(o, "value", name);
			tobj_str(o, "label", channel_label(rq, name));
			tobj_bool(o, "selected", strcmp(sel, name) == 0);
		}
	}
	if (kind == FORM_HOTLINE) {
		/* focus where the operator continues: the phone, then the name once the caller is looked up */
		const struct fval *ph = req_field(rq, "phone");
		tobj_bool(v, "focus_phone", !ph->present);
		if (ph->present)
			caller_history(rq, st, v, ph->s);
	}
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, tmpls[kind], v);
}

void h_petition_form(struct req *rq, struct resp *rs)
{
	petition_form(rq, rs, FORM_WEB, 200, NULL);
}

void h_petition_staff_form(struct req *rq, struct resp *rs)
{
	/* the 1999 operator always gets the fast form */
	petition_form(rq, rs, rq->sess->role == ROLE_HOTLINE ? FORM_HOTLINE : FORM_STAFF, 200, NULL);
}

void h_petition_hotline_form(struct req *rq, struct resp *rs)
{
	petition_form(rq, rs, FORM_HOTLINE, 200, NULL);
}

static bool code_in(const struct named_rec *items, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(items[i].code, code) == 0)
			return true;
	return false;
}

/* The query code, its hash, the rule's days and the due date: what every intake needs. */
struct intake {
	char code[QUERY_CODE_LEN + 1];
	char code_hash[CODE_HASH_SIZE];
	char due[CAL_ISO_SIZE];
	char phone_digits[32];
	int days;
};

/*
 * The receipt page a submitted form is sent to (303, see auth_form_once):
 * the petition this browser's last form made, with its query code, shown
 * again on every refresh and never made twice.  The citizen's page shows
 * only petitions from the citizen's form.
 */
static void receipt(struct req *rq, struct resp *rs, bool staff)
{
	struct store *st = req_store(rq);
	const char *once = auth_receipt_once(rq);
	char form_hash[FORM_HASH_SIZE], code[QUERY_CODE_LEN + 1];
	struct petition_rec p;
	enum err e = ERR_NOTFOUND;
	if (st && once) {
		ids_form_hash(once, form_hash);
		e = store_petition_by_form(st, rq->arena, form_hash, &p);
	}
	if (e == ERR_OK && !staff && strcmp(p.channel, "web") != 0)
		e = ERR_NOTFOUND;
	if (e != ERR_OK) {
		page_error(rq, rs, e == ERR_NOTFOUND ? 404 : 503,
		           e == ERR_NOTFOUND ? "err_not_found" : "err_unavailable");
		return;
	}
	ids_query_code_for(once, code);
	struct tobj *v = view_new(rq, T(rq, "pet_receipt_title"));
	summary_view(rq, v, &p, NULL, 0, false);
	view_data(rq, v, "subject", p.subject); /* whoever just typed it */
	tobj_str(v, "query_code", code);
	tobj_bool(v, "staff", staff);
	tobj_bool(v, "hotline", strcmp(p.channel, "hotline") == 0);
	receipt_status_link(rq, v, p.no);
	rs->no_store = true;
	page_render(rq, rs, "petition_receipt", v);
}

void h_petition_receipt(struct req *rq, struct resp *rs)
{
	receipt(rq, rs, false);
}

void h_petition_staff_receipt(struct req *rq, struct resp *rs)
{
	receipt(rq, rs, true);
}

/* After the POST: to the receipt page, the token in the receipt cookie. */
static void to_receipt(struct req *rq, struct resp *rs, const char *once, enum form_kind kind)
{
	auth_receipt_set(rq, once);
	page_redirect(rq, rs, url(rq, kind == FORM_WEB ? "/petitions/receipt" : "/staff/petitions/receipt"));
}

static void create(struct req *rq, struct resp *rs, enum form_kind kind)
{
	struct store *st = req_store(rq);
	if (!st) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	/* the same form again (a double click, a refresh, a retry): its petition, not a second one */
	const char *once = auth_form_once(rq);
	char form_hash[FORM_HASH_SIZE];
	ids_form_hash(once, form_hash);
	struct petition_rec made;
	if (store_petition_by_form(st, rq->arena, form_hash, &made) == ERR_OK) {
		to_receipt(rq, rs, once, kind);
		return;
	}
	const char *errors[FI__MAX] = {0};
	const struct fval *f[FI__MAX];
	for (int i = 0; i < FI__MAX; i++) {
		f[i] = req_field(rq, form_fields[i]);
		errors[i] = f[i]->err_key;
	}
	bool anon = req_field(rq, "anonymous")->present;
	const char *channel = kind == FORM_WEB ? "web" : kind == FORM_HOTLINE ? "hotline" : f[FI_CHANNEL]->s;
	enum pet_channel ch = pet_channel_parse(channel);
	if (!errors[FI_CHANNEL] && (ch == PC__MAX || (kind != FORM_WEB && ch == PC_WEB)))
		errors[FI_CHANNEL] = "err_pet_channel";
	if (!anon && !f[FI_NAME]->present && !errors[FI_NAME])
		errors[FI_NAME] = "err_required";
	if (!anon && !f[FI_PHONE]->present && !f[FI_EMAIL]->present && !f[FI_ADDRESS]->present)
		errors[FI_CONTACT] = "err_pet_contact";
	if (!anon && f[FI_PHONE]->present && !errors[FI_PHONE] && !ids_phone_ok(f[FI_PHONE]->s))
		errors[FI_PHONE] = "err_phone";
	if (!anon && f[FI_EMAIL]->present && !errors[FI_EMAIL] && !ids_email_ok(f[FI_EMAIL]->s))
		errors[FI_EMAIL] = "err_email";
	struct named_rec *items;
	size_t n;
	if (f[FI_VILLAGE]->present && !errors[FI_VILLAGE] &&
	    (store_villages(st, rq->arena, &items, &n) != ERR_OK || !code_in(items, n, f[FI_VILLAGE]->s)))
		errors[FI_VILLAGE] = "err_pet_village";
	if (f[FI_CATEGORY]->present && !errors[FI_CATEGORY] &&
	    (store_categories(st, rq->arena, &items, &n) != ERR_OK || !code_in(items, n, f[FI_CATEGORY]->s)))
		errors[FI_CATEGORY] = "err_pet_category";
	if (!f[FI_BODY]->present && !errors[FI_BODY])
		errors[FI_BODY] = "err_required";
	const char *subject = f[FI_SUBJECT]->s;
	if (!f[FI_SUBJECT]->present && !errors[FI_SUBJECT]) {
		if (kind == FORM_HOTLINE && f[FI_BODY]->present)
			subject = utf8_first_chars(rq->arena, f[FI_BODY]->s, 30);
		else
			errors[FI_SUBJECT] = "err_required";
	}
	if (ch == PC_COUNTER && !f[FI_READ_BACK]->present)
		errors[FI_READ_BACK] = "err_pet_read_back";
	for (int i = 0; i < FI__MAX; i++)
		if (errors[i]) {
			petition_form(rq, rs, kind, 422, errors);
			return;
		}

	time_t now = clock_now();
	struct intake in = {0};
	ids_query_code_for(once, in.code);
	auth_hash_code(in.code, in.code_hash);
	const char *category = f[FI_CATEGORY]->present ? f[FI_CATEGORY]->s : NULL;
	if (store_petition_rule_days(st, channel, category, &in.days) != ERR_OK)
		in.days = DEFAULT_DAYS;
	const struct cal *cal = store_calendar(st);
	int32_t today = clock_office_day(now);
	cal_format_iso(pet_due(cal, today, in.days, CAL_DAY_INVALID), in.due);
	if (!anon)
		ids_phone_digits(f[FI_PHONE]->s, in.phone_digits, sizeof in.phone_digits);
	const char *at = clock_now_iso(rq->arena);
	struct petition_new pn = {
	    .channel = channel,
	    .ext_ref = kind == FORM_WEB ? NULL : f[FI_EXT_REF]->s,
	    .name = anon ? NULL : f[FI_NAME]->s,
	    .phone = anon ? NULL : f[FI_PHONE]->s,
	    .phone_digits = in.phone_digits,
	    .email = anon ? NULL : f[FI_EMAIL]->s,
	    .address = anon ? NULL : f[FI_ADDRESS]->s,
	    .anonymous = anon,
	    .confidential = req_field(rq, "confidential")->present,
	    .read_back = ch == PC_COUNTER && f[FI_READ_BACK]->present,
	    .village = f[FI_VILLAGE]->s,
	    .category = category,
	    .subject = subject,
	    .body = f[FI_BODY]->s,
	    .code_hash = in.code_hash,
	    .received_on = clock_today_iso(rq->arena),
	    .received_at = at,
	    .days = in.days,
	    .due_on = in.due,
	    .user_id = rq->sess ? rq->sess->user.id : 0,
	    .form_hash = form_hash,
	};
	char no[NO_SIZE];
	long long id;
	const char *user = rq->sess ? rq->sess->user.username : NULL;
	enum err e = store_begin(st);
	/* the citizen's form: a brake on floods from one address, counted in this transaction */
	const struct attempt_limit brake = {arena_printf(rq->arena, "addr:%s", rq->remote_addr ? rq->remote_addr : "-"),
	                                    WEB_MAX};
	long retry_s;
	if (e == ERR_OK && kind == FORM_WEB)
		e = store_attempt_take(st, "petition", &brake, 1, now, WEB_WINDOW, &retry_s);
	if (e == ERR_LIMIT) {
		store_rollback(st);
		page_try_later(rq, rs, (retry_s + 59) / 60);
		return;
	}
	if (e == ERR_OK)
		e = store_petition_create(st, &pn, no, &id);
	if (e == ERR_OK)
		e = store_petition_event(st, id, at, pn.user_id, user, "received", NULL, "received",
		                         pn.read_back ? T(rq, "pet_read_back_done") : NULL);
	if (e == ERR_OK)
		e = store_audit(st, pn.user_id, user, "petition_create", arena_printf(rq->arena, "petition:%s", no),
		                channel, rq->remote_addr);
	if (e == ERR_OK)
		e = store_commit(st);
	if (e != ERR_OK) {
		store_rollback(st);
		/* a double click raced us to the insert: the other request made it */
		if (e == ERR_CONFLICT && store_petition_by_form(st, rq->arena, form_hash, &made) == ERR_OK)
			to_receipt(rq, rs, once, kind);
		else
			page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	to_receipt(rq, rs, once, kind);
}

void h_petition_create(struct req *rq, struct resp *rs)
{
	create(rq, rs, FORM_WEB);
}

void h_petition_staff_create(struct req *rq, struct resp *rs)
{
	create(rq, rs,
	       rq->sess->role == ROLE_HOTLINE || strcmp(req_field(rq, "form")->s, "hotline") == 0 ? FORM_HOTLINE
	                                                                                          : FORM_STAFF);
}

/* ---- one petition ---- */

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

static void officer_options(struct req *rq, struct store *st, struct tobj *v, const struct petition_rec *p)
{
	struct user_rec *us;
	size_t n;
	if (!p->unit || store_users_of_unit(st, rq->arena, p->unit, &us, &n) != ERR_OK)
		return;
	struct tlist *l = tobj_list(v, "officers");
	for (size_t i = 0; i < n; i++) {
		if (strcmp(us[i].role, "officer") != 0 && strcmp(us[i].role, "head") != 0)
			continue;
		struct tobj *o = tlist_obj(l);
		tobj_int(o, "value", us[i].id);
		tobj_str(o, "label", us[i].display_name);
		tobj_bool(o, "selected", us[i].id == p->officer_id);
	}
}

static void render_petition(struct req *rq, struct resp *rs, struct store *st, const struct petition_rec *p, bool full,
                            int status, const char *error_key)
{
	const struct cal *cal = store_calendar(st);
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "pet_title"), p->no));
	bool see = petition_may(rq, p, ACC_VIEW_CONTENT), reveal = petition_may(rq, p, ACC_REVEAL);
	summary_view(rq, v, p, cal, store_near_days(st), full && reveal);
	if (see)
		put_lines(rq, v, "body_lines", p->body);
	/* every look at a confidential petition is on record, whatever it showed */
	if (p->confidential)
		auth_audit(rq, "view_confidential", arena_printf(rq->arena, "petition:%s", p->no),
		           see                                     ? "content"
		           : petition_may(rq, p, ACC_VIEW_SUBJECT) ? "subject"
		                                                   : "hidden");
	tobj_bool(v, "full", full && reveal && !p->anonymous);
	tobj_bool(v, "may_reveal", !full && reveal && !p->anonymous);
	tobj_str(v, "action_base", url(rq, "/staff/petitions/%s", p->no));
	if (error_key)
		tobj_str(v, "error", T(rq, error_key));

	/* outcomes: the reply and the closing note are content */
	tobj_str(v, "reply", see ? p->reply : NULL);
	put_lines(rq, v, "reply_lines", see ? p->reply : NULL);
	view_data(rq, v, "agency", see ? p->agency : NULL);
	tobj_str(v, "transfer_on", p->transfer_on ? view_date(rq, p->transfer_on) : NULL);
	if (p->ground)
		tobj_str(v, "ground_label", T(rq, arena_printf(rq->arena, "pground_%s", p->ground)));
	view_data(rq, v, "outcome_note", see ? p->outcome_note : NULL);
	tobj_str(v, "duplicate_no", p->duplicate_no);
	if (p->duplicate_no)
		tobj_str(v, "duplicate_href", url(rq, "/staff/petitions/%s", p->duplicate_no));
	tobj_str(v, "closed", p->closed_on ? view_date(rq, p->closed_on) : NULL);
	if (p->rating) {
		tobj_int(v, "rating", p->rating);
		view_data(rq, v, "rating_note", see ? p->rating_note : NULL);
	}

	/* what this user may do */
	bool route = is_open(p) && petition_may(rq, p, ACC_ROUTE), assign = petition_may(rq, p, ACC_ASSIGN),
	     handle = petition_may(rq, p, ACC_HANDLE);
	tobj_bool(v, "may_route", route);
	tobj_bool(v, "may_assign", assign);
	tobj_bool(v, "may_handle", handle);
	tobj_bool(v, "may_ask_ext", petition_may(rq, p, ACC_ASK_EXTENSION));
	tobj_bool(v, "may_decide_ext", petition_may(rq, p, ACC_DECIDE_EXTENSION));
	tobj_bool(v, "may_allow_ext", petition_may(rq, p, ACC_ALLOW_EXTENSION) && p->ext_asked >= p->ext_allowed);
	tobj_bool(v, "ext_used_up",
	          is_open(p) && is_officer_of(rq, p) && !p->ext_pending && p->ext_asked >= p->ext_allowed);
	tobj_int(v, "ext_allowed", p->ext_allowed);
	if (route) {
		unit_options(rq, st, v, p->unit);
		struct named_rec *cats;
		size_t nc;
		if (store_categories(st, rq->arena, &cats, &nc) == ERR_OK)
			named_options(rq, v, "categories", cats, nc, p->category);
	}
	if (assign)
		officer_options(rq, st, v, p);
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

	struct extension_rec *xs;
	size_t nx;
	if (store_extensions(st, rq->arena, p->id, &xs, &nx) == ERR_OK) {
		struct tlist *l = tobj_list(v, "extensions");
		for (size_t i = 0; i < nx; i++) {
			struct tobj *o = tlist_obj(l);
			tobj_int(o, "id", xs[i].id);
			view_data(rq, o, "asked_by", xs[i].asked_by);
			tobj_str(o, "asked_at", view_time(rq, xs[i].asked_at));
			tobj_str(o, "old_due", view_date(rq, xs[i].old_due));
			tobj_str(o, "new_due", view_date(rq, xs[i].new_due));
			view_data(rq, o, "reason", see ? xs[i].reason : NULL);
			tobj_str(o, "decision_label",
			         T(rq, xs[i].decision ? arena_printf(rq->arena, "pext_%s", xs[i].decision)
			                              : "pext_waiting"));
			view_data(rq, o, "decided_by", xs[i].decided_by);
			view_data(rq, o, "note", see ? xs[i].note : NULL);
			tobj_bool(o, "waiting", !xs[i].decision);
		}
	}
	struct pet_event_rec *ev;
	size_t ne;
	if (store_petition_events(st, rq->arena, p->id, &ev, &ne) == ERR_OK) {
		struct tlist *l = tobj_list(v, "events");
		for (size_t i = 0; i < ne; i++) {
			struct tobj *o = tlist_obj(l);
			tobj_str(o, "at", view_time(rq, ev[i].at));
			tobj_str(o, "who", ev[i].username);
			tobj_str(o, "action_label", T(rq, arena_printf(rq->arena, "pact_%s", ev[i].action)));
			tobj_str(o, "to_label", state_label(rq, ev[i].to_state));
			view_data(rq, o, "note", see ? ev[i].note : NULL);
		}
	}
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "petition", v);
}

void h_petition_view(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!load_petition(rq, rs, st, &p))
		return;
	render_petition(rq, rs, st, &p, false, 200, NULL);
}

void h_petition_reveal(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!load_petition(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_REVEAL)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	if (audit(rq, st, "reveal", &p, NULL) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	render_petition(rq, rs, st, &p, true, 200, NULL);
}

/* ---- routing and assignment ---- */

void h_petition_route(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!load_petition(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_ROUTE)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	if (!pet_move_allowed(pet_state_parse(p.state), PS_ROUTED)) {
		page_error(rq, rs, 409, "err_pet_conflict");
		return;
	}
	const struct fval *unit = req_field(rq, "unit"), *cat = req_field(rq, "category");
	struct unit_rec *units;
	struct named_rec *cats;
	size_t nu, nc;
	bool unit_ok = false;
	if (store_units(st, rq->arena, &units, &nu) == ERR_OK)
		for (size_t i = 0; i < nu; i++)
			unit_ok |= strcmp(units[i].code, unit->s) == 0;
	if (!unit_ok) {
		render_petition(rq, rs, st, &p, false, 422, "err_pet_unit");
		return;
	}
	const char *category = cat->present ? cat->s : p.category;
	if (cat->present && (store_categories(st, rq->arena, &cats, &nc) != ERR_OK || !code_in(cats, nc, cat->s))) {
		render_petition(rq, rs, st, &p, false, 422, "err_pet_category");
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
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = store_petition_route(st, p.id, p.state, unit->s, category, days, due);
	if (e == ERR_OK)
		e = event(rq, st, &p, p.unit ? "rerouted" : "routed", "routed", note);
	if (e == ERR_OK)
		e = audit(rq, st, "petition_route", &p, unit->s);
	if (finish(rq, rs, st, e))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

void h_petition_assign(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!load_petition(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_ASSIGN)) {
		page_error(rq, rs, is_open(&p) ? 403 : 409, is_open(&p) ? "err_forbidden" : "err_pet_conflict");
		return;
	}
	struct user_rec u;
	long long officer = req_field(rq, "officer")->i;
	if (store_user_by_id(st, rq->arena, officer, &u) != ERR_OK || !u.active || !u.unit ||
	    strcmp(u.unit, p.unit) != 0 || (strcmp(u.role, "officer") != 0 && strcmp(u.role, "head") != 0)) {
		render_petition(rq, rs, st, &p, false, 422, "err_pet_officer");
		return;
	}
	const char *note =
	    p.officer_name ? arena_printf(rq->arena, "%s → %s", p.officer_name, u.display_name) : u.display_name;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = store_petition_assign(st, p.id, p.state, u.id);
	if (e == ERR_OK)
		e = event(rq, st, &p, p.officer_id ? "reassigned" : "assigned", "assigned", note);
	if (e == ERR_OK)
		e = audit(rq, st, "petition_assign", &p, u.username);
	if (finish(rq, rs, st, e))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

/* ---- outcomes ---- */

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
	tobj_str(v, "state_label", state_label(rq, p->state));
	tobj_str(v, "action_label", label);
	tobj_str(v, "action", url(rq, "/staff/petitions/%s/close", p->no));
	struct tlist *d = tobj_list(v, "details");
	add_detail(rq, d, "pet_reply", o->reply);
	add_detail(rq, d, "pet_agency", o->agency);
	add_detail(rq, d, "pet_transfer_on", o->transfer_on ? view_date(rq, o->transfer_on) : NULL);
	add_detail(rq, d, "pet_ground", o->ground ? T(rq, arena_printf(rq->arena, "pground_%s", o->ground)) : NULL);
	add_detail(rq, d, "pet_duplicate_of", o->duplicate_of ? req_field(rq, "dup_of")->s : NULL);
	add_detail(rq, d, "pet_note", o->note && *o->note ? o->note : NULL);
	static const char *const carried[] = {"outcome", "reply", "agency", "transfer_on", "ground", "note", "dup_of"};
	struct tlist *c = tobj_list(v, "carry");
	for (size_t i = 0; i < sizeof carried / sizeof carried[0]; i++) {
		const struct fval *f = req_field(rq, carried[i]);
		if (!f->present)
			continue;
		struct tobj *h = tlist_obj(c);
		tobj_str(h, "name", carried[i]);
		tobj_str(h, "value", f->s);
	}
	page_confirm(rq, rs, v, err_key);
}

void h_petition_close(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!load_petition(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_HANDLE)) {
		if (is_open(&p))
			page_error(rq, rs, 403, "err_forbidden");
		else
			page_conflict(rq, rs, "err_pet_conflict", state_label(rq, p.state));
		return;
	}
	enum pet_state to = pet_state_parse(req_field(rq, "outcome")->s);
	if (!pet_state_outcome(to) || !pet_move_allowed(pet_state_parse(p.state), to)) {
		render_petition(rq, rs, st, &p, false, 422, "err_pet_outcome");
		return;
	}
	const struct fval *reply = req_field(rq, "reply"), *agency = req_field(rq, "agency"),
	                  *tr_on = req_field(rq, "transfer_on"), *ground = req_field(rq, "ground"),
	                  *note = req_field(rq, "note"), *dup = req_field(rq, "dup_of");
	const char *bad = reply->err_key    ? reply->err_key
	                  : agency->err_key ? agency->err_key
	                  : tr_on->err_key  ? tr_on->err_key
	                  : ground->err_key ? ground->err_key
	                  : note->err_key   ? note->err_key
	                                    : dup->err_key;
	if (bad) {
		render_petition(rq, rs, st, &p, false, 422, bad);
		return;
	}
	struct petition_outcome o = {.state = pet_state_name(to), .note = note->s};
	const char *detail = o.state, *label_key = "pet_reply_button";
	int32_t today = clock_office_day(clock_now()), d;
	switch (to) {
	case PS_REPLIED:
		if (!reply->present) {
			render_petition(rq, rs, st, &p, false, 422, "err_pet_reply");
			return;
		}
		o.reply = reply->s;
		break;
	case PS_TRANSFERRED:
		if (!agency->present || !tr_on->present || !cal_parse_iso(tr_on->s, &d) || d > today) {
			render_petition(rq, rs, st, &p, false, 422, "err_pet_transfer");
			return;
		}
		o.agency = agency->s;
		o.transfer_on = tr_on->s;
		label_key = "pet_transfer_button";
		detail = arena_printf(rq->arena, "transferred to %s", agency->s);
		break;
	case PS_NOT_HANDLED:
		if (pet_ground_parse(ground->s) == PG__MAX) {
			render_petition(rq, rs, st, &p, false, 422, "err_pet_ground");
			return;
		}
		o.ground = ground->s;
		label_key = "pet_not_handled_button";
		break;
	case PS_DUPLICATE: {
		char no[NO_SIZE + 4];
		snprintf(no, sizeof no, "%s", dup->s);
		for (char *c = no; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 32);
		struct petition_rec other;
		if (!ids_number_valid(no) || strcmp(no, p.no) == 0 ||
		    store_petition_by_no(st, rq->arena, no, &other) != ERR_OK) {
			render_petition(rq, rs, st, &p, false, 422, "err_pet_duplicate");
			return;
		}
		o.duplicate_of = other.id;
		label_key = "pet_duplicate_button";
		detail = arena_printf(rq->arena, "duplicate of %s", other.no);
		break;
	}
	default: render_petition(rq, rs, st, &p, false, 422, "err_pet_outcome"); return;
	}
	const char *err_key, *reason = req_confirmed_reason(rq, &err_key);
	if (!reason) {
		close_confirm(rq, rs, &p, label_key, &o, err_key);
		return;
	}
	const char *what = to == PS_DUPLICATE ? dup->s : to == PS_TRANSFERRED ? agency->s : NULL;
	o.closed_at = clock_now_iso(rq->arena);
	o.closed_on = clock_today_iso(rq->arena);
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = store_petition_close(st, p.id, p.state, &o);
	if (e == ERR_OK)
		e = event(rq, st, &p, o.state, o.state,
		          what ? arena_printf(rq->arena, "%s · %s", what, reason) : reason);
	if (e == ERR_OK)
		e = audit(rq, st, "petition_close", &p, detail);
	if (finish(rq, rs, st, e))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

/* ---- extensions ---- */

void h_petition_ext_ask(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!load_petition(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_ASK_EXTENSION)) {
		page_error(rq, rs, 409, is_officer_of(rq, &p) ? "err_pet_ext_used" : "err_forbidden");
		return;
	}
	const struct fval *until = req_field(rq, "until"), *reason = req_field(rq, "reason");
	int32_t due, want;
	if (until->err_key || reason->err_key || !reason->present) {
		render_petition(rq, rs, st, &p, false, 422, "err_pet_ext_reason");
		return;
	}
	if (!cal_parse_iso(p.due_on, &due) || !cal_parse_iso(until->s, &want) || want <= due) {
		render_petition(rq, rs, st, &p, false, 422, "err_pet_ext_date");
		return;
	}
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = store_extension_ask(st, p.id, rq->sess->user.id, clock_now_iso(rq->arena), p.due_on, until->s,
		                        reason->s);
	if (e == ERR_OK)
		e = event(rq, st, &p, "ext_asked", p.state,
		          arena_printf(rq->arena, "%s → %s: %s", p.due_on, until->s, reason->s));
	if (e == ERR_OK)
		e = audit(rq, st, "extension_ask", &p, until->s);
	if (finish(rq, rs, st, e))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

void h_petition_ext_decide(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!load_petition(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_DECIDE_EXTENSION)) {
		page_error(rq, rs, p.ext_pending ? 403 : 409, p.ext_pending ? "err_forbidden" : "err_pet_conflict");
		return;
	}
	const char *decision = req_field(rq, "decision")->s, *note = req_field(rq, "note")->s;
	bool approve = strcmp(decision, "approved") == 0;
	if (!approve && strcmp(decision, "refused") != 0) {
		render_petition(rq, rs, st, &p, false, 422, "err_pet_decision");
		return;
	}
	struct extension_rec *xs;
	size_t nx;
	const struct extension_rec *x = NULL;
	if (store_extensions(st, rq->arena, p.id, &xs, &nx) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	for (size_t i = 0; i < nx; i++)
		if (!xs[i].decision)
			x = &xs[i];
	if (!x) {
		page_error(rq, rs, 409, "err_pet_conflict");
		return;
	}
	char due[CAL_ISO_SIZE] = "";
	int32_t want;
	if (approve) {
		/* a date on which the office is closed moves to the next open day (行政程序法 §48) */
		if (!cal_parse_iso(x->new_due, &want)) {
			page_error(rq, rs, 503, "err_unavailable");
			return;
		}
		cal_format_iso(pet_due(store_calendar(st), 0, 0, want), due);
	}
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = store_extension_decide(st, x->id, decision, rq->sess->user.id, clock_now_iso(rq->arena), note);
	if (e == ERR_OK && approve)
		e = store_petition_extend(st, p.id, x->new_due, due);
	if (e == ERR_OK)
		e = event(rq, st, &p, approve ? "ext_approved" : "ext_refused", p.state,
		          approve ? arena_printf(rq->arena, "%s → %s%s%s", p.due_on, due, *note ? ": " : "", note)
		                  : note);
	if (e == ERR_OK)
		e = audit(rq, st, approve ? "extension_approve" : "extension_refuse", &p, approve ? due : NULL);
	if (finish(rq, rs, st, e))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

void h_petition_ext_allow(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct petition_rec p;
	if (!load_petition(rq, rs, st, &p))
		return;
	if (!petition_may(rq, &p, ACC_ALLOW_EXTENSION)) {
		page_error(rq, rs, is_open(&p) ? 403 : 409, is_open(&p) ? "err_forbidden" : "err_pet_conflict");
		return;
	}
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = store_petition_allow_extension(st, p.id);
	if (e == ERR_OK)
		e = event(rq, st, &p, "ext_allowed", p.state, arena_printf(rq->arena, "%d", p.ext_allowed + 1));
	if (e == ERR_OK)
		e = audit(rq, st, "extension_allow", &p, arena_printf(rq->arena, "%d", p.ext_allowed + 1));
	if (finish(rq, rs, st, e))
		page_redirect(rq, rs, url(rq, "/staff/petitions/%s", p.no));
}

/* ---- queues ---- */

static const char *const views[] = {"mine", "unit", "routing", "office"};

/* The views this user may open, and the one shown by default. */
static bool view_allowed(const struct req *rq, const char *view)
{
	if (strcmp(view, "mine") == 0)
		return true;
	if (strcmp(view, "unit") == 0)
		return rq->sess->user.unit != NULL;
	if (strcmp(view, "routing") == 0)
		return is_router(rq);
	return strcmp(view, "office") == 0 && office_wide(rq);
}

static const char *default_view(const struct req *rq)
{
	if (is_router(rq))
		return "routing";
	if (rq->sess->role == ROLE_HEAD)
		return "unit";
	return "mine";
}

void h_petition_list(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	if (!st) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	const struct fval *vf = req_field(rq, "view");
	const char *view = vf->present ? vf->s : default_view(rq);
	if (!view_allowed(rq, view)) {
		page_error(rq, rs, 403, "err_forbidden");
		return;
	}
	const char *unit = NULL, *state = NULL;
	long long officer = 0;
	if (strcmp(view, "mine") == 0)
		officer = rq->sess->user.id;
	else if (strcmp(view, "unit") == 0)
		unit = rq->sess->user.unit;
	else if (strcmp(view, "routing") == 0)
		state = "received";
	struct petition_rec *ps;
	size_t n;
	if (store_petitions_open(st, rq->arena, unit, officer, state, &ps, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, arena_printf(rq->arena, "pet_view_%s", view)));
	struct tlist *tabs = tobj_list(v, "tabs");
	for (size_t i = 0; i < sizeof views / sizeof views[0]; i++) {
		if (!view_allowed(rq, views[i]))
			continue;
		struct tobj *o = tlist_obj(tabs);
		tobj_str(o, "href", url(rq, "/staff/petitions?view=%s", views[i]));
		tobj_str(o, "label", T(rq, arena_printf(rq->arena, "pet_view_%s", views[i])));
		tobj_bool(o, "current", strcmp(view, views[i]) == 0);
	}
	const struct cal *cal = store_calendar(st);
	int near = store_near_days(st);
	struct tlist *l = tobj_list(v, "petitions");
	for (size_t i = 0; i < n; i++)
		summary_view(rq, tlist_obj(l), &ps[i], cal, near, false);
	tobj_int(v, "count", (long long)n);
	rs->no_store = true;
	page_render(rq, rs, "petition_list", v);
}

/* ---- the staff dashboard ---- */

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
	if (strcmp(n->item_kind, "faq") == 0) {
		/* an FAQ entry due for review: its question, linked to its editor (a deleted one: the list) */
		bool gone = !n->item_no;
		tobj_str(r, "no", gone ? T(rq, "notif_faq_gone") : pick(rq, n->title));
		if (!gone)
			view_text(rq, r, "title", n->title);
		tobj_str(r, "href", gone ? url(rq, "/staff/faq") : url(rq, "/staff/faq/%s/edit", n->item_no));
		tobj_str(r, "kind_label", T(rq, "notif_faq"));
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

void petition_dashboard_view(struct req *rq, struct tobj *v)
{
	struct store *st = req_store(rq);
	struct petition_counts *cs;
	size_t n;
	const struct session *s = rq->sess;
	int32_t today = clock_office_day(clock_now());
	if (!st)
		return;
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
	if (s->role == ROLE_HEAD)
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

void h_notification_read(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	char *end;
	long long id = strtoll(req_cap(rq, 0), &end, 10);
	if (!st || *end || id <= 0) {
		page_error(rq, rs, st ? 404 : 503, st ? "err_not_found" : "err_unavailable");
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
	if (!st || store_notifications_read_all(st, rq->sess->user.id, clock_now_iso(rq->arena)) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff#notifications"));
}

/* ---- the citizen's status page ---- */

void petition_status_page(struct req *rq, struct resp *rs, struct store *st, const struct petition_rec *p,
                          const char *code, const char *notice_key)
{
	struct tobj *v = view_new(rq, arena_printf(rq->arena, "%s %s", T(rq, "pet_status_title"), p->no));
	tobj_str(v, "no", p->no);
	view_data(rq, v, "subject", p->subject);
	tobj_str(v, "state_label", state_label(rq, p->state));
	tobj_str(v, "channel_label", channel_label(rq, p->channel));
	tobj_str(v, "received", view_date(rq, p->received_on));
	bool open = is_open(p);
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
	if (strcmp(p->state, "replied") == 0) {
		tobj_str(v, "reply", p->reply);
		put_lines(rq, v, "reply_lines", p->reply);
	}
	view_data(rq, v, "agency", strcmp(p->state, "transferred") == 0 ? p->agency : NULL);
	tobj_str(v, "transfer_on", p->transfer_on ? view_date(rq, p->transfer_on) : NULL);
	if (p->ground && strcmp(p->state, "not_handled") == 0)
		tobj_str(v, "ground_label", T(rq, arena_printf(rq->arena, "pground_%s", p->ground)));
	tobj_str(v, "duplicate_no", strcmp(p->state, "duplicate") == 0 ? p->duplicate_no : NULL);
	bool rate = strcmp(p->state, "replied") == 0 && !p->rating;
	tobj_bool(v, "may_rate", rate);
	tobj_int(v, "rating", p->rating);
	if (rate) {
		/* the form re-proves the code: it is the citizen's own page, never cached */
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
