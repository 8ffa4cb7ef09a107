/*
 * villages.c -- the villages (里): public pages with the 里長's and the
 * 里幹事's contacts, office hours and a page of news and events
 * (/villages, /villages/CODE), and their editing (/staff/villages): a
 * village officer (里幹事) keeps only their own villages' pages,
 * administrators every village and add new ones.  Who may edit is
 * domain/access.c's decision (REC_VILLAGE); every change is audit-logged
 * and public pages follow at once (content_gen).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "handlers/admin_kit.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/office.h"

enum { VILLAGE_POSTS = 50 };

/* ---- public pages ---- */

static void village_facts(struct req *rq, struct tobj *o, const struct village_rec *v)
{
	tobj_str(o, "code", v->code);
	view_text(rq, o, "name", v->name);
	tobj_str(o, "href", url(rq, "/villages/%s", v->code));
	view_data(rq, o, "chief_name", v->chief_name);
	tobj_str(o, "chief_phone", v->chief_phone);
	view_data(rq, o, "officer_name", v->officer_name);
	tobj_str(o, "officer_phone", v->officer_phone);
	if (v->office[LANG_ZH] && *v->office[LANG_ZH])
		view_text(rq, o, "office", v->office);
	if (v->hours[LANG_ZH] && *v->hours[LANG_ZH])
		view_text(rq, o, "hours", v->hours);
}

void h_villages(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct village_rec *v;
	size_t n;
	if (store_village_list(st, rq->arena, &v, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *page = view_new(rq, T(rq, "villages_title"));
	struct tlist *l = tobj_list(page, "villages");
	for (size_t i = 0; i < n; i++)
		village_facts(rq, tlist_obj(l), &v[i]);
	page_render(rq, rs, "villages", page);
}

void h_village(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct village_rec v;
	struct village_post *p;
	size_t n;
	enum err e = st ? store_village(st, rq->arena, req_cap(rq, 0), &v) : ERR_DB;
	if (e == ERR_OK)
		e = store_village_posts(st, rq->arena, v.code, VILLAGE_POSTS, &p, &n);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "village_err_none");
		return;
	}
	struct tobj *page = view_new(rq, pick(rq, v.name));
	village_facts(rq, page, &v);
	struct tlist *l = tobj_list(page, "posts");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_int(o, "id", p[i].id);
		view_text(rq, o, "post_title", p[i].title);
		view_markdown(rq, o, "post_body", p[i].body);
		if (p[i].event_on)
			tobj_str(o, "event_on", view_date(rq, p[i].event_on));
		tobj_str(o, "posted", view_time(rq, p[i].created_at));
	}
	page_render(rq, rs, "village", page);
}

/* ---- editing ---- */

static bool may_edit(const struct actor *who, const char *village)
{
	struct record r = {.kind = REC_VILLAGE, .village = village};
	return access_allows(who, &r, ACC_EDIT);
}

static const struct afield add_fields[] = {
    {K_CODE, "admin_code", AF_TEXT, 32, true, "admin_code_hint"},
    {K_NAME_ZH, "village_name_zh", AF_TEXT, 50, true, NULL},
    {K_NAME_EN, "village_name_en", AF_TEXT, 100, false, NULL},
};
enum { NADD = sizeof add_fields / sizeof add_fields[0] };

static void villages_staff_page(struct req *rq, struct resp *rs, int status, const char *const *vals,
                                const char *const *errors, const char *form_error)
{
	static const char *const heads[] = {"village_name_zh", "village_officer", "village_hours", NULL};
	static const char *const done[] = {"added", NULL};
	struct store *st = req_store(rq);
	struct village_rec *v;
	size_t n;
	if (store_village_list(st, rq->arena, &v, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct actor who = village_actor(rq);
	struct tobj *page = admin_page(rq, "villages_staff_title");
	admin_notice(rq, page, done);
	tobj_str(page, "public_href", url(rq, "/villages"));
	struct tobj *t = admin_table(rq, page, "villages_staff_title", heads);
	for (size_t i = 0; i < n; i++) {
		if (!may_edit(&who, v[i].code))
			continue;
		struct tobj *r = admin_row(t);
		admin_cell(rq, r, pick(rq, v[i].name), url(rq, "/staff/villages/%s", v[i].code), NULL);
		admin_cell(rq, r, v[i].officer_name, NULL, NULL);
		admin_cell(rq, r, pick(rq, v[i].hours), NULL, NULL);
	}
	if (who.role == ROLE_ADMIN) {
		if (form_error)
			admin_form_error(rq, page, form_error);
		struct tobj *f =
		    admin_form(rq, page, "village", "village_add_title", url(rq, "/staff/villages"), "admin_add");
		for (int i = 0; i < NADD; i++)
			admin_field(rq, page, f, &add_fields[i], vals ? vals[i] : NULL, errors ? errors[i] : NULL);
	}
	admin_render(rq, rs, page, status);
}

void h_villages_staff(struct req *rq, struct resp *rs)
{
	villages_staff_page(rq, rs, 200, NULL, NULL, NULL);
}

void h_village_add(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *vals[NADD], *errors[NADD] = {0};
	bool ok = true;
	for (int i = 0; i < NADD; i++) {
		vals[i] = admin_value(rq, add_fields[i].key, add_fields[i].required, &errors[i]);
		ok &= !errors[i];
	}
	if (ok && !ids_code_ok(vals[0])) {
		errors[0] = "admin_err_code";
		ok = false;
	}
	if (!ok) {
		villages_staff_page(rq, rs, 422, vals, errors, NULL);
		return;
	}
	const char *receipt = url(rq, "/staff/villages?done=added"), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_village_create(st, vals[0], vals[1], vals[2]);
	if (e == ERR_OK)
		e = auth_audit(rq, "village_add", arena_printf(rq->arena, "village:%s", vals[0]), vals[1]);
	if (!admin_done(rq, rs, st, e, receipt, prior))
		villages_staff_page(rq, rs, 409, vals, errors, "village_err_taken");
}

static const struct afield edit_fields[] = {
    {K_CHIEF_NAME, "village_chief_name", AF_TEXT, 50, false, NULL},
    {K_CHIEF_PHONE, "village_chief_phone", AF_TEXT, 40, false, NULL},
    {K_OFFICER_NAME, "village_officer_name", AF_TEXT, 50, false, NULL},
    {K_OFFICER_PHONE, "village_officer_phone", AF_TEXT, 40, false, NULL},
    {K_OFFICE_ZH, "village_office_zh", AF_TEXT, 200, false, NULL},
    {K_OFFICE_EN, "village_office_en", AF_TEXT, 300, false, NULL},
    {K_HOURS_ZH, "village_hours_zh", AF_TEXT, 200, false, NULL},
    {K_HOURS_EN, "village_hours_en", AF_TEXT, 300, false, NULL},
};
enum { NEDIT = sizeof edit_fields / sizeof edit_fields[0] };
enum { V_CHIEF, V_CHIEF_PHONE, V_OFFICER, V_OFFICER_PHONE, V_OFFICE_ZH, V_OFFICE_EN, V_HOURS_ZH, V_HOURS_EN };

static const struct afield post_fields[] = {
    {K_TITLE_ZH, "village_post_title_zh", AF_TEXT, 100, true, NULL},
    {K_BODY_ZH, "village_post_body_zh", AF_AREA, 4000, true, "faq_edit_markdown_hint"},
    {K_TITLE_EN, "village_post_title_en", AF_TEXT, 200, false, NULL},
    {K_BODY_EN, "village_post_body_en", AF_AREA, 8000, false, NULL},
    {K_EVENT_ON, "village_post_event_on", AF_DATE, 10, false, "village_post_event_hint"},
};
enum { NPOST = sizeof post_fields / sizeof post_fields[0] };
enum { P_TITLE_ZH, P_BODY_ZH, P_TITLE_EN, P_BODY_EN, P_EVENT };

/* The village named in the path that the user may edit; false when rs holds the answer. */
static bool load_village(struct req *rq, struct resp *rs, struct village_rec *v)
{
	struct store *st = req_store(rq);
	enum err e = st ? store_village(st, rq->arena, req_cap(rq, 0), v) : ERR_DB;
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "village_err_none");
		return false;
	}
	struct actor who = village_actor(rq);
	if (!may_edit(&who, v->code)) {
		page_error(rq, rs, 403, "village_err_not_yours");
		return false;
	}
	return true;
}

static void village_edit_page(struct req *rq, struct resp *rs, int status, const struct village_rec *v,
                              const char *const *vals, const char *const *errors, const char *const *pvals,
                              const char *const *perrors)
{
	static const char *const heads[] = {"village_post_title_zh", "village_posted", "admin_delete", NULL};
	struct store *st = req_store(rq);
	static const char *const done[] = {"saved", "posted", "deleted", NULL};
	struct tobj *page = admin_page(rq, "village_edit_title");
	admin_notice(rq, page, done);
	admin_intro(rq, page, pick(rq, v->name), NULL);
	tobj_str(page, "public_href", url(rq, "/villages/%s", v->code));
	struct village_post *p;
	size_t n;
	struct tobj *t = admin_table(rq, page, "village_posts", heads);
	if (store_village_posts(st, rq->arena, v->code, VILLAGE_POSTS, &p, &n) == ERR_OK)
		for (size_t i = 0; i < n; i++) {
			struct tobj *r = admin_row(t);
			admin_cell(rq, r, pick(rq, p[i].title), NULL, NULL);
			admin_cell(rq, r, view_time(rq, p[i].created_at), NULL, NULL);
			admin_cell(rq, r, T(rq, "admin_delete"), NULL,
			           url(rq, "/staff/villages/%s/posts/%lld/delete", v->code, p[i].id));
		}
	struct tobj *f = admin_form(rq, page, "contacts", "village_contacts_title",
	                            url(rq, "/staff/villages/%s", v->code), "admin_save");
	for (int i = 0; i < NEDIT; i++)
		admin_field(rq, page, f, &edit_fields[i], vals[i], errors ? errors[i] : NULL);
	f = admin_form(rq, page, "post", "village_post_title", url(rq, "/staff/villages/%s/posts", v->code),
	               "village_post_button");
	for (int i = 0; i < NPOST; i++)
		admin_field(rq, page, f, &post_fields[i], pvals ? pvals[i] : NULL, perrors ? perrors[i] : NULL);
	admin_render(rq, rs, page, status);
}

static void village_vals(const struct village_rec *v, const char *vals[NEDIT])
{
	const char *x[NEDIT] = {v->chief_name,      v->chief_phone,     v->officer_name,   v->officer_phone,
	                        v->office[LANG_ZH], v->office[LANG_EN], v->hours[LANG_ZH], v->hours[LANG_EN]};
	memcpy(vals, x, sizeof x);
}

void h_village_edit_form(struct req *rq, struct resp *rs)
{
	struct village_rec v;
	const char *vals[NEDIT];
	if (!load_village(rq, rs, &v))
		return;
	village_vals(&v, vals);
	village_edit_page(rq, rs, 200, &v, vals, NULL, NULL, NULL);
}

void h_village_update(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct village_rec v;
	const char *vals[NEDIT], *errors[NEDIT] = {0};
	if (!load_village(rq, rs, &v))
		return;
	bool ok = true;
	for (int i = 0; i < NEDIT; i++)
		vals[i] = admin_value(rq, edit_fields[i].key, false, &errors[i]);
	if (!errors[V_CHIEF_PHONE] && *vals[V_CHIEF_PHONE] && !ids_unit_phone_ok(vals[V_CHIEF_PHONE]))
		errors[V_CHIEF_PHONE] = "set_err_phone";
	if (!errors[V_OFFICER_PHONE] && *vals[V_OFFICER_PHONE] && !ids_unit_phone_ok(vals[V_OFFICER_PHONE]))
		errors[V_OFFICER_PHONE] = "set_err_phone";
	for (int i = 0; i < NEDIT; i++)
		ok &= !errors[i];
	if (!ok) {
		village_edit_page(rq, rs, 422, &v, vals, errors, NULL, NULL);
		return;
	}
	struct village_rec nv = {
	    .code = v.code,
	    .chief_name = vals[V_CHIEF],
	    .chief_phone = vals[V_CHIEF_PHONE],
	    .officer_name = vals[V_OFFICER],
	    .officer_phone = vals[V_OFFICER_PHONE],
	    .office = {vals[V_OFFICE_ZH], *vals[V_OFFICE_EN] ? vals[V_OFFICE_EN] : NULL},
	    .hours = {vals[V_HOURS_ZH], *vals[V_HOURS_EN] ? vals[V_HOURS_EN] : NULL},
	};
	const char *receipt = url(rq, "/staff/villages/%s?done=saved", v.code), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_village_update(st, &nv);
	if (e == ERR_OK)
		e = auth_audit(rq, "village_update", arena_printf(rq->arena, "village:%s", v.code), NULL);
	if (!admin_done(rq, rs, st, e, receipt, prior))
		page_error(rq, rs, 503, "err_unavailable");
}

void h_village_post_add(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct village_rec v;
	const char *pvals[NPOST], *perrors[NPOST] = {0}, *vals[NEDIT];
	if (!load_village(rq, rs, &v))
		return;
	bool ok = true;
	for (int i = 0; i < NPOST; i++)
		pvals[i] = admin_value(rq, post_fields[i].key, post_fields[i].required, &perrors[i]);
	/* English: both title and text, or neither */
	if (!perrors[P_TITLE_EN] && !perrors[P_BODY_EN] && !*pvals[P_TITLE_EN] != !*pvals[P_BODY_EN])
		perrors[*pvals[P_TITLE_EN] ? P_BODY_EN : P_TITLE_EN] = "faq_en_pair";
	for (int i = 0; i < NPOST; i++)
		ok &= !perrors[i];
	if (!ok) {
		village_vals(&v, vals);
		village_edit_page(rq, rs, 422, &v, vals, NULL, pvals, perrors);
		return;
	}
	struct village_post p = {
	    .village = v.code,
	    .title = {pvals[P_TITLE_ZH], *pvals[P_TITLE_EN] ? pvals[P_TITLE_EN] : NULL},
	    .body = {pvals[P_BODY_ZH], *pvals[P_BODY_EN] ? pvals[P_BODY_EN] : NULL},
	    .event_on = *pvals[P_EVENT] ? pvals[P_EVENT] : NULL,
	    .created_by = rq->sess->user.username,
	    .created_at = clock_now_iso(rq->arena),
	};
	const char *receipt = url(rq, "/staff/villages/%s?done=posted", v.code), *prior = NULL;
	long long id = 0;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_village_post_add(st, &p, &id);
	if (e == ERR_OK)
		e = auth_audit(rq, "village_post_add", arena_printf(rq->arena, "village:%s", v.code), p.title[LANG_ZH]);
	if (!admin_done(rq, rs, st, e, receipt, prior))
		page_error(rq, rs, 503, "err_unavailable");
}

void h_village_post_delete(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct village_rec v;
	if (!load_village(rq, rs, &v))
		return;
	char *end;
	long long id = strtoll(req_cap(rq, 1), &end, 10);
	const char *receipt = url(rq, "/staff/villages/%s?done=deleted", v.code), *prior = NULL;
	enum err e = *end || id <= 0 ? ERR_NOTFOUND : store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_village_post_delete(st, v.code, id);
	if (e == ERR_OK)
		e = auth_audit(rq, "village_post_delete", arena_printf(rq->arena, "village:%s", v.code),
		               arena_printf(rq->arena, "post %lld", id));
	if (!admin_done(rq, rs, st, e, receipt, prior))
		page_error(rq, rs, 404, "village_err_no_post");
}
