/*
 * petition_intake.c -- petitions (陳情) coming in: the citizen's form,
 * staff intake for the other channels (the counter with its read-back,
 * the fast 1999 form with the caller's history, mailboxes, letters...),
 * the village officers' field report from a phone (issue #13), and the
 * receipt page each form is sent to.  Every form takes the place the
 * petition is about, the consent to publish, and up to three photos.
 */
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/access.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/forms.h"
#include "domain/ids.h"
#include "domain/petition.h"
#include "domain/place.h"
#include "handlers/citizen_notify.h"
#include "handlers/handlers.h"
#include "handlers/photos.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/cases.h"
#include "store/catalog.h"
#include "store/deadlines.h"
#include "store/office.h"
#include "store/petitions.h"
#include "store/staff.h"

/* Citizen submissions per address in a window (spam brake). */
enum { WEB_WINDOW = 10 * 60, WEB_MAX = 5, DEFAULT_DAYS = 10 };

/* The form's fields, by domain/forms.h's pet_field (K_CONTACT only names its error). */
static const enum key form_fields[PF__MAX] = {
    K_NAME,    K_PHONE,   K_EMAIL,     K_ADDRESS, K_VILLAGE, K_CATEGORY, K_SUBJECT, K_BODY,
    K_CHANNEL, K_EXT_REF, K_READ_BACK, K_PLACE,   K_LAT,     K_LONG,     K_CONTACT,
};

/* Staff channels offered on the general intake form (web is the citizen's own). */
static const enum pet_channel staff_channels[] = {PC_COUNTER,    PC_HOTLINE, PC_MAYOR, PC_CHIEF, PC_MAILBOX,
                                                  PC_SUGGESTION, PC_LETTER,  PC_EMAIL, PC_FAX};

/* May the signed-in user file a field report from this village? */
static bool reports_from(const struct actor *who, const char *village)
{
	const struct record r = {.kind = REC_VILLAGE, .village = village};
	return access_allows(who, &r, ACC_REPORT);
}

static void village_category_options(struct req *rq, struct store *st, struct tobj *v, enum pet_form kind)
{
	struct named_rec *items;
	size_t n;
	if (store_villages(st, rq->arena, &items, &n) == ERR_OK) {
		struct actor who = kind == PFORM_FIELD ? village_actor(rq) : (struct actor){0};
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (kind != PFORM_FIELD || reports_from(&who, items[i].code))
				items[k++] = items[i];
		view_named_options(rq, v, "villages", items, k, req_val(rq, K_VILLAGE)->s);
	}
	if (store_categories(st, rq->arena, &items, &n) == ERR_OK)
		view_named_options(rq, v, "categories", items, n, req_val(rq, K_CATEGORY)->s);
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
				petition_summary_view(rq, tlist_obj(l), &ps[i], cal, near, false);
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

/* The citizen's chosen entry point: "web" (the general form), "chief" (區長信箱) or "mailbox" (便民信箱). */
static const char *chosen_box(struct req *rq)
{
	return pet_form_channel(PFORM_WEB, req_val(rq, K_CHANNEL)->s);
}

/* The citizen's form's title: the general form's, or the mailbox's name. */
static const char *box_title(struct req *rq)
{
	const char *chosen = chosen_box(rq);
	return strcmp(chosen, "web") == 0 ? T(rq, "pet_new_title") : petition_channel_label(rq, chosen);
}

/*
 * The public site's entry points: the general form and the named
 * mailboxes (區長信箱, 便民信箱), each linked, the chosen one marked;
 * v.box is the chosen one's name, v.intro its words.
 */
static void mailboxes_view(struct req *rq, struct tobj *v)
{
	static const enum pet_channel boxes[] = {PC_WEB, PC_CHIEF, PC_MAILBOX};
	const char *chosen = chosen_box(rq);
	struct tlist *l = tobj_list(v, "mailboxes");
	for (size_t i = 0; i < sizeof boxes / sizeof boxes[0]; i++) {
		const char *name = pet_channel_name(boxes[i]);
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "href",
		         boxes[i] == PC_WEB ? url(rq, "/petitions/new") : url(rq, "/petitions/new?channel=%s", name));
		tobj_str(o, "label", T(rq, arena_printf(rq->arena, "pet_box_%s", name)));
		tobj_bool(o, "current", strcmp(chosen, name) == 0);
	}
	tobj_str(v, "box", chosen);
	tobj_str(v, "intro",
	         T(rq, strcmp(chosen, "web") == 0 ? "pet_intro" : arena_printf(rq->arena, "pet_box_intro_%s", chosen)));
}

/* The photos' fieldset: the consent to publish, how many, the refusal of what was sent (or NULL). */
static void photo_fields_view(struct req *rq, struct tobj *v, const char *photo_err)
{
	tobj_bool(v, "publish", req_val(rq, K_PUBLISH)->present);
	tobj_int(v, "photo_max", PHOTO_MAX);
	if (photo_err) {
		view_field_error(rq, v, "photo", T(rq, photo_err));
		tobj_bool(v, "has_errors", true);
	}
}

static void petition_form(struct req *rq, struct resp *rs, enum pet_form kind, int status, const char *const *errors,
                          const char *photo_err)
{
	struct store *st = req_store(rq);
	static const char *const titles[] = {"pet_new_title", "pet_staff_new_title", "pet_hotline_title",
	                                     "field_title"};
	static const char *const tmpls[] = {"petition_new", "petition_staff_new", "petition_hotline", "field_report"};
	struct tobj *v = view_new(rq, kind == PFORM_WEB ? box_title(rq) : T(rq, titles[kind]));
	if (kind == PFORM_WEB) {
		tobj_str(v, "csrf", auth_csrf(rq));
		mailboxes_view(rq, v);
	}
	tobj_str(v, "once", auth_form_once(rq));
	village_category_options(rq, st, v, kind);
	view_form_fields(rq, v, form_fields, PF__MAX, errors);
	photo_fields_view(rq, v, photo_err);
	tobj_bool(v, "anonymous", req_val(rq, K_ANONYMOUS)->present);
	tobj_bool(v, "confidential", req_val(rq, K_CONFIDENTIAL)->present);
	tobj_bool(v, "read_back_checked", req_val(rq, K_READ_BACK)->present);
	if (kind == PFORM_STAFF) {
		const char *sel = req_val(rq, K_CHANNEL)->s;
		struct tlist *l = tobj_list(v, "channels");
		for (size_t i = 0; i < sizeof staff_channels / sizeof staff_channels[0]; i++) {
			struct tobj *o = tlist_obj(l);
			const char *name = pet_channel_name(staff_channels[i]);
			tobj_str(o, "value", name);
			tobj_str(o, "label", petition_channel_label(rq, name));
			tobj_bool(o, "selected", strcmp(sel, name) == 0);
		}
	}
	if (kind == PFORM_HOTLINE) {
		/* focus where the operator continues: the phone, then the name once the caller is looked up */
		const struct fval *ph = req_val(rq, K_PHONE);
		tobj_bool(v, "focus_phone", !ph->present);
		if (ph->present)
			caller_history(rq, st, v, ph->s);
	}
	rs->status = status;
	rs->no_store = true;
	rs->geolocation = true; /* "use my location" beside the place's fields */
	page_render(rq, rs, tmpls[kind], v);
}

void h_petition_form(struct req *rq, struct resp *rs)
{
	petition_form(rq, rs, PFORM_WEB, 200, NULL, NULL);
}

void h_petition_staff_form(struct req *rq, struct resp *rs)
{
	/* the 1999 operator always gets the fast form */
	petition_form(rq, rs, rq->sess->user.role == ROLE_HOTLINE ? PFORM_HOTLINE : PFORM_STAFF, 200, NULL, NULL);
}

void h_petition_hotline_form(struct req *rq, struct resp *rs)
{
	petition_form(rq, rs, PFORM_HOTLINE, 200, NULL, NULL);
}

void h_field_form(struct req *rq, struct resp *rs)
{
	petition_form(rq, rs, PFORM_FIELD, 200, NULL, NULL);
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
	if (once) {
		ids_form_hash(once, form_hash);
		e = store_petition_by_form(st, rq->arena, form_hash, &p);
	}
	if (e == ERR_OK && !staff && !pet_channel_public(pet_channel_parse(p.channel)))
		e = ERR_NOTFOUND;
	if (e != ERR_OK) {
		page_error(rq, rs, e == ERR_NOTFOUND ? 404 : 503,
		           e == ERR_NOTFOUND ? "err_not_found" : "err_unavailable");
		return;
	}
	ids_query_code_for(once, code);
	struct tobj *v = view_new(rq, T(rq, "pet_receipt_title"));
	petition_summary_view(rq, v, &p, NULL, 0, false);
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
static void to_receipt(struct req *rq, struct resp *rs, const char *once, enum pet_form kind)
{
	static const char *const to[] = {"/petitions/receipt", "/staff/petitions/receipt", "/staff/petitions/receipt",
	                                 "/staff/field/receipt"};
	auth_receipt_set(rq, once);
	page_redirect(rq, rs, url(rq, "%s", to[kind]));
}

/* The same form again (a double click, a refresh, a retry): its petition, not a second one. */
static bool made_already(struct req *rq, struct store *st, const char *form_hash)
{
	struct petition_rec made;
	return store_petition_by_form(st, rq->arena, form_hash, &made) == ERR_OK;
}

/* Is the field present with a value the store does not list?  (villages, categories) */
static bool unlisted(struct req *rq, struct store *st, const char *value,
                     enum err (*list)(struct store *, struct arena *, struct named_rec **, size_t *))
{
	struct named_rec *items;
	size_t n;
	return value && (list(st, rq->arena, &items, &n) != ERR_OK || !named_code_in(items, n, value));
}

/*
 * The form's fields as given (val: NULL when absent) and every refusal
 * (errors); false when the form goes back with them.
 */
static bool validate(struct req *rq, struct store *st, enum pet_form kind, const char *val[PF__MAX],
                     const char *errors[PF__MAX])
{
	for (int i = 0; i < PF__MAX; i++) {
		const struct fval *f = req_val(rq, form_fields[i]);
		val[i] = f->present ? f->s : NULL;
		errors[i] = f->err_key;
	}
	if (!errors[PF_VILLAGE] && unlisted(rq, st, val[PF_VILLAGE], store_villages))
		errors[PF_VILLAGE] = "err_pet_village";
	if (!errors[PF_CATEGORY] && unlisted(rq, st, val[PF_CATEGORY], store_categories))
		errors[PF_CATEGORY] = "err_pet_category";
	if (kind == PFORM_FIELD && !errors[PF_VILLAGE] && val[PF_VILLAGE]) {
		struct actor who = village_actor(rq);
		if (!reports_from(&who, val[PF_VILLAGE]))
			errors[PF_VILLAGE] = "err_field_village";
	}
	return pet_intake_check(kind, req_val(rq, K_ANONYMOUS)->present, val, errors) == 0;
}

/* The new petition's record from the validated fields: its due date by the rule for its channel and category. */
static void petition_new_from(struct req *rq, struct store *st, enum pet_form kind, const char *const val[PF__MAX],
                              struct intake *in, struct petition_new *pn)
{
	/* a field report is filed under the village officer's own name */
	bool anon = kind != PFORM_FIELD && req_val(rq, K_ANONYMOUS)->present;
	const char *channel = pet_form_channel(kind, val[PF_CHANNEL]);
	struct place_point pt;
	place_point(val[PF_LAT], val[PF_LON], &pt);
	if (store_petition_rule_days(st, channel, val[PF_CATEGORY], &in->days) != ERR_OK)
		in->days = DEFAULT_DAYS;
	cal_format_iso(pet_due(store_calendar(st), clock_office_day(clock_now()), in->days, CAL_DAY_INVALID), in->due);
	if (!anon)
		ids_phone_digits(val[PF_PHONE] ? val[PF_PHONE] : "", in->phone_digits, sizeof in->phone_digits);
	*pn = (struct petition_new){
	    .channel = channel,
	    .ext_ref = kind == PFORM_WEB ? NULL : req_val(rq, K_EXT_REF)->s,
	    .name = anon                  ? NULL
	            : kind == PFORM_FIELD ? rq->sess->user.display_name
	                                  : req_val(rq, K_NAME)->s,
	    .phone = anon ? NULL : req_val(rq, K_PHONE)->s,
	    .phone_digits = in->phone_digits,
	    .email = anon ? NULL : req_val(rq, K_EMAIL)->s,
	    .address = anon ? NULL : req_val(rq, K_ADDRESS)->s,
	    .anonymous = anon,
	    .confidential = req_val(rq, K_CONFIDENTIAL)->present,
	    .read_back = pet_channel_read_back(pet_channel_parse(channel)) && val[PF_READ_BACK],
	    .village = req_val(rq, K_VILLAGE)->s,
	    .category = val[PF_CATEGORY],
	    .subject = val[PF_SUBJECT] ? val[PF_SUBJECT] : utf8_first_chars(rq->arena, val[PF_BODY], 30),
	    .body = val[PF_BODY],
	    .code_hash = in->code_hash,
	    .received_on = clock_today_iso(rq->arena),
	    .received_at = clock_now_iso(rq->arena),
	    .days = in->days,
	    .due_on = in->due,
	    .user_id = rq->sess ? rq->sess->user.id : 0,
	    .place = val[PF_PLACE],
	    .has_point = pt.set,
	    .lat = pt.lat,
	    .lon = pt.lon,
	    .publish = req_val(rq, K_PUBLISH)->present,
	};
}

/*
 * The unit a new petition goes to at once, or NULL; *why: the note on its
 * step, a string key or NULL.  A named mailbox's letters go to the unit
 * that reads them (pet_channel_route_default, when the office has it); a
 * village officer's field report to its category's unit, when it names one.
 */
static const char *first_unit(struct req *rq, struct store *st, enum pet_form kind, const struct petition_new *pn,
                              const char **why)
{
	const char *unit = pet_channel_route_default(pet_channel_parse(pn->channel));
	*why = NULL;
	if (unit) {
		struct unit_rec *units;
		size_t n;
		if (store_units(st, rq->arena, &units, &n) != ERR_OK)
			return NULL;
		for (size_t i = 0; i < n; i++)
			if (strcmp(units[i].code, unit) == 0) {
				*why = "pet_routed_by_channel";
				return unit;
			}
		return NULL;
	}
	if (kind == PFORM_FIELD && pn->category && store_category_unit(st, rq->arena, pn->category, &unit) == ERR_OK)
		return unit;
	return NULL;
}

/*
 * Writes the petition, its first event and its audit row in one
 * transaction; the citizen's form first takes one from the address's
 * allowance (ERR_LIMIT with *retry_s when spent).
 */
static enum err apply(struct req *rq, struct store *st, enum pet_form kind, const struct petition_new *pn,
                      const struct photo *photos, int nphotos, const char *code, long *retry_s)
{
	char no[NO_SIZE] = "";
	long long id = 0;
	const char *user = rq->sess ? rq->sess->user.username : NULL;
	const struct attempt_limit brake = {arena_printf(rq->arena, "addr:%s", rq->remote_addr ? rq->remote_addr : "-"),
	                                    WEB_MAX};
	store_begin(st);
	if (kind == PFORM_WEB)
		store_attempt_take(st, "petition", &brake, 1, clock_now(), WEB_WINDOW, retry_s);
	store_petition_create(st, pn, no, &id);
	store_petition_event(st, id, pn->received_at, pn->user_id, user, "received", NULL, "received",
	                     pn->read_back ? T(rq, "pet_read_back_done") : NULL);
	photos_store(st, id, photos, nphotos);
	const char *why, *unit = first_unit(rq, st, kind, pn, &why);
	if (unit) {
		store_petition_route(st, id, PS_RECEIVED, unit, pn->category, pn->days, pn->due_on);
		store_petition_event(st, id, pn->received_at, pn->user_id, user, "routed", "received", "routed",
		                     why ? T(rq, why) : NULL);
	}
	/* the citizen's own form is in their language; staff intake, the office's */
	notify_petition_receipt(rq, st, id, no, pn, kind == PFORM_WEB ? rq->lang : LANG_ZH, code);
	store_audit(st, pn->user_id, user, "petition_create", arena_printf(rq->arena, "petition:%s", no), pn->channel,
	            rq->remote_addr);
	return store_finish(st);
}

/*
 * "Check your answers" (the citizen's form): what was typed, escaped, with
 * every field carried in hidden inputs (and the form's once token, so the
 * submit from here makes one petition however often it is sent), and the
 * buttons Submit and Edit.
 */
static void check_page(struct req *rq, struct resp *rs, const char *photo_err)
{
	struct tobj *v = view_new(rq, T(rq, "pet_check_title"));
	tobj_str(v, "csrf", auth_csrf(rq));
	tobj_str(v, "once", auth_form_once(rq));
	tobj_str(v, "box", chosen_box(rq));
	tobj_str(v, "box_label", box_title(rq));
	village_category_options(rq, req_store(rq), v, PFORM_WEB);
	view_form_fields(rq, v, form_fields, PF__MAX, NULL);
	view_lines(rq, v, "body_lines", req_val(rq, K_BODY)->s);
	/* what was typed, as the page shows it: on the English page, Chinese is marked as such */
	static const enum key typed[] = {K_NAME, K_ADDRESS, K_SUBJECT, K_PLACE};
	struct tobj *shown = tobj_new(rq->arena);
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
		view_data(rq, shown, key_name(typed[i]), req_val(rq, typed[i])->s);
	tobj_obj(v, "shown", shown);
	tobj_bool(v, "anonymous", req_val(rq, K_ANONYMOUS)->present);
	tobj_bool(v, "confidential", req_val(rq, K_CONFIDENTIAL)->present);
	photo_fields_view(rq, v, photo_err);
	rs->status = photo_err ? 422 : 200;
	rs->no_store = true;
	page_render(rq, rs, "petition_check", v);
}

static void create(struct req *rq, struct resp *rs, enum pet_form kind)
{
	struct store *st = req_store(rq);
	const char *once = auth_form_once(rq);
	char form_hash[FORM_HASH_SIZE];
	ids_form_hash(once, form_hash);
	if (made_already(rq, st, form_hash)) {
		to_receipt(rq, rs, once, kind);
		return;
	}
	/* photos first: past the limits is 413 whatever else the form holds */
	struct photo photos[PHOTO_MAX];
	const char *photo_err;
	int nphotos = photos_take(rq, K_PHOTO, photos, &photo_err);
	if (nphotos < 0) {
		page_error(rq, rs, 413, photo_err);
		return;
	}
	/* the citizen's form: checked first (step "check", the form's button), edited, then submitted */
	const char *step = kind == PFORM_WEB ? req_val(rq, K_STEP)->s : "submit";
	if (strcmp(step, "edit") == 0) {
		petition_form(rq, rs, kind, 200, NULL, NULL);
		return;
	}
	/* the citizen's photos are chosen on the check page, so that is where their refusal shows */
	const char *val[PF__MAX], *errors[PF__MAX];
	if (!validate(rq, st, kind, val, errors) || (photo_err && kind != PFORM_WEB)) {
		petition_form(rq, rs, kind, 422, errors, photo_err);
		return;
	}
	if (strcmp(step, "submit") != 0 || photo_err) {
		check_page(rq, rs, photo_err);
		return;
	}
	struct intake in = {0};
	ids_query_code_for(once, in.code);
	auth_hash_code(in.code, in.code_hash);
	struct petition_new pn;
	petition_new_from(rq, st, kind, val, &in, &pn);
	pn.form_hash = form_hash;
	long retry_s = 0;
	enum err e = apply(rq, st, kind, &pn, photos, nphotos, in.code, &retry_s);
	if (e == ERR_LIMIT)
		page_try_later(rq, rs, (retry_s + 59) / 60);
	/* ERR_CONFLICT: a double click raced us to the insert, and the other request made it */
	else if (e == ERR_OK || (e == ERR_CONFLICT && made_already(rq, st, form_hash)))
		to_receipt(rq, rs, once, kind);
	else
		page_error(rq, rs, 503, "err_unavailable");
}

void h_petition_create(struct req *rq, struct resp *rs)
{
	create(rq, rs, PFORM_WEB);
}

void h_field_create(struct req *rq, struct resp *rs)
{
	create(rq, rs, PFORM_FIELD);
}

void h_petition_staff_create(struct req *rq, struct resp *rs)
{
	create(rq, rs,
	       rq->sess->user.role == ROLE_HOTLINE || strcmp(req_val(rq, K_FORM)->s, "hotline") == 0 ? PFORM_HOTLINE
	                                                                                             : PFORM_STAFF);
}
