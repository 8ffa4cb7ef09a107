/*
 * office_admin.c -- the administrator's pages for the office's units
 * (課室: /staff/admin/units) and petition categories with the unit the
 * routing desk is offered first (/staff/admin/categories).  A code never
 * changes once made (URLs, petitions and services keep it).  Every change
 * is audit-logged in its transaction; public pages follow at once
 * (content_gen).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/ids.h"
#include "handlers/admin_kit.h"
#include "handlers/handlers.h"
#include "store/office.h"

/* ---- units ---- */

/* The unit form's fields, in order; the route declares the same names. */
static const struct afield unit_fields[] = {
    {K_CODE, "admin_code", AF_TEXT, 32, true, "admin_code_hint"},
    {K_NAME_ZH, "unit_name_zh", AF_TEXT, 50, true, NULL},
    {K_NAME_EN, "unit_name_en", AF_TEXT, 100, false, NULL},
    {K_PHONE, "unit_phone", AF_TEXT, 40, false, "set_phone_hint"},
    {K_EMAIL, "unit_email", AF_EMAIL, 100, false, NULL},
    {K_LOCATION_ZH, "unit_room_zh", AF_TEXT, 100, false, NULL},
    {K_LOCATION_EN, "unit_room_en", AF_TEXT, 200, false, NULL},
    {K_DUTIES_ZH, "unit_duties_zh", AF_AREA, 2000, false, NULL},
    {K_DUTIES_EN, "unit_duties_en", AF_AREA, 4000, false, NULL},
};
enum { NUNIT = sizeof unit_fields / sizeof unit_fields[0] };
enum { U_CODE, U_NAME_ZH, U_NAME_EN, U_PHONE, U_EMAIL, U_ROOM_ZH, U_ROOM_EN, U_DUTIES_ZH, U_DUTIES_EN };

static void unit_vals(const struct unit_rec *u, const char *vals[NUNIT])
{
	const char *v[NUNIT] = {u->code,           u->name[LANG_ZH],     u->name[LANG_EN],     u->phone,
	                        u->email,          u->location[LANG_ZH], u->location[LANG_EN], u->duties[LANG_ZH],
	                        u->duties[LANG_EN]};
	memcpy(vals, v, sizeof v);
}

/* Adds the unit form (code only when is_new) to page. */
static void unit_form(struct req *rq, struct tobj *page, bool is_new, const char *action, const char *const *vals,
                      const char *const *errors)
{
	struct tobj *form = admin_form(rq, page, "unit", is_new ? "unit_add_title" : "unit_edit_title", action,
	                               is_new ? "admin_add" : "admin_save");
	for (int i = is_new ? 0 : 1; i < NUNIT; i++)
		admin_field(rq, page, form, &unit_fields[i], vals ? vals[i] : NULL, errors ? errors[i] : NULL);
}

static void units_page(struct req *rq, struct resp *rs, int status, const char *const *vals, const char *const *errors,
                       const char *form_error)
{
	static const char *const heads[] = {"admin_code", "unit_name_zh", "unit_phone",
	                                    "unit_email", "unit_room_zh", NULL};
	static const char *const done[] = {"saved", "added", NULL};
	struct store *st = req_store(rq);
	struct unit_rec *u;
	size_t n;
	if (store_units(st, rq->arena, &u, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *page = admin_page(rq, "units_admin_title");
	admin_notice(rq, page, done);
	tobj_str(page, "public_href", url(rq, "/units"));
	struct tobj *t = admin_table(rq, page, "units_admin_title", heads);
	for (size_t i = 0; i < n; i++) {
		struct tobj *r = admin_row(t);
		admin_cell(rq, r, u[i].code, url(rq, "/staff/admin/units/%s", u[i].code), NULL);
		admin_cell(rq, r, pick(rq, u[i].name), NULL, NULL);
		admin_cell(rq, r, u[i].phone, NULL, NULL);
		admin_cell(rq, r, u[i].email, NULL, NULL);
		admin_cell(rq, r, pick(rq, u[i].location), NULL, NULL);
	}
	if (form_error)
		admin_form_error(rq, page, form_error);
	unit_form(rq, page, true, url(rq, "/staff/admin/units"), vals, errors);
	admin_render(rq, rs, page, status);
}

void h_units_admin(struct req *rq, struct resp *rs)
{
	units_page(rq, rs, 200, NULL, NULL, NULL);
}

/* Reads the posted unit into vals/errors and *u; true when every field is acceptable. */
static bool unit_posted(struct req *rq, bool is_new, const char **vals, const char **errors, struct unit_rec *u)
{
	bool ok = true;
	vals[U_CODE] = "";
	errors[U_CODE] = NULL;
	for (int i = is_new ? 0 : 1; i < NUNIT; i++) {
		errors[i] = NULL;
		vals[i] = admin_value(rq, unit_fields[i].key, unit_fields[i].required, &errors[i]);
	}
	if (is_new && !errors[U_CODE] && !ids_code_ok(vals[U_CODE]))
		errors[U_CODE] = "admin_err_code";
	if (!errors[U_PHONE] && *vals[U_PHONE] && !ids_unit_phone_ok(vals[U_PHONE]))
		errors[U_PHONE] = "set_err_phone";
	if (!errors[U_EMAIL] && *vals[U_EMAIL] && !ids_email_ok(vals[U_EMAIL]))
		errors[U_EMAIL] = "err_email";
	for (int i = is_new ? 0 : 1; i < NUNIT; i++)
		ok &= !errors[i];
	*u = (struct unit_rec){
	    .code = vals[U_CODE],
	    .name = {vals[U_NAME_ZH], vals[U_NAME_EN]},
	    .duties = {vals[U_DUTIES_ZH], vals[U_DUTIES_EN]},
	    .location = {vals[U_ROOM_ZH], vals[U_ROOM_EN]},
	    .phone = vals[U_PHONE],
	    .email = vals[U_EMAIL],
	};
	return ok;
}

void h_unit_add(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *vals[NUNIT], *errors[NUNIT];
	struct unit_rec u;
	if (!unit_posted(rq, true, vals, errors, &u)) {
		units_page(rq, rs, 422, vals, errors, NULL);
		return;
	}
	const char *receipt = url(rq, "/staff/admin/units?done=added"), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_unit_save(st, &u, true);
	if (e == ERR_OK)
		e = auth_audit(rq, "unit_add", arena_printf(rq->arena, "unit:%s", u.code), u.name[LANG_ZH]);
	if (!admin_done(rq, rs, st, e, receipt, prior))
		units_page(rq, rs, 409, vals, errors, "unit_err_taken");
}

/* The unit named in the path; false when rs holds the answer. */
static bool load_unit(struct req *rq, struct resp *rs, struct unit_rec *u)
{
	struct store *st = req_store(rq);
	enum err e = st ? store_unit(st, rq->arena, req_cap(rq, 0), u) : ERR_DB;
	if (e != ERR_OK)
		page_error_lookup(rq, rs, e, "unit_err_none");
	return e == ERR_OK;
}

static void unit_edit_page(struct req *rq, struct resp *rs, int status, const struct unit_rec *u,
                           const char *const *vals, const char *const *errors)
{
	struct tobj *page = admin_page(rq, "unit_edit_title");
	admin_intro(rq, page, pick(rq, u->name), arena_printf(rq->arena, "(%s)", u->code));
	tobj_str(page, "public_href", url(rq, "/units#%s", u->code));
	unit_form(rq, page, false, url(rq, "/staff/admin/units/%s", u->code), vals, errors);
	admin_render(rq, rs, page, status);
}

void h_unit_edit_form(struct req *rq, struct resp *rs)
{
	struct unit_rec u;
	const char *vals[NUNIT];
	if (!load_unit(rq, rs, &u))
		return;
	unit_vals(&u, vals);
	unit_edit_page(rq, rs, 200, &u, vals, NULL);
}

void h_unit_update(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct unit_rec old, u;
	const char *vals[NUNIT], *errors[NUNIT];
	if (!load_unit(rq, rs, &old))
		return;
	bool ok = unit_posted(rq, false, vals, errors, &u);
	vals[U_CODE] = u.code = old.code;
	errors[U_CODE] = NULL;
	if (!ok) {
		unit_edit_page(rq, rs, 422, &old, vals, errors);
		return;
	}
	const char *receipt = url(rq, "/staff/admin/units?done=saved"), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_unit_save(st, &u, false);
	if (e == ERR_OK)
		e = auth_audit(rq, "unit_update", arena_printf(rq->arena, "unit:%s", u.code), u.name[LANG_ZH]);
	if (!admin_done(rq, rs, st, e, receipt, prior)) {
		errors[U_NAME_ZH] = "unit_err_taken";
		unit_edit_page(rq, rs, 409, &old, vals, errors);
	}
}

/* ---- petition categories ---- */

static const struct afield category_fields[] = {
    {K_CODE, "admin_code", AF_TEXT, 32, true, "admin_code_hint"},
    {K_NAME_ZH, "category_name_zh", AF_TEXT, 50, true, NULL},
    {K_NAME_EN, "category_name_en", AF_TEXT, 100, false, NULL},
    {K_DEFAULT_UNIT, "category_default_unit", AF_SELECT, 32, false, "category_default_unit_hint"},
};
enum { NCAT = sizeof category_fields / sizeof category_fields[0] };
enum { C_CODE, C_NAME_ZH, C_NAME_EN, C_UNIT };

static void category_form(struct req *rq, struct tobj *page, bool is_new, const char *action, const char *const *vals,
                          const char *const *errors)
{
	struct tobj *form = admin_form(rq, page, "category", is_new ? "category_add_title" : "category_edit_title",
	                               action, is_new ? "admin_add" : "admin_save");
	for (int i = is_new ? 0 : 1; i < NCAT; i++) {
		struct tobj *f =
		    admin_field(rq, page, form, &category_fields[i], vals ? vals[i] : NULL, errors ? errors[i] : NULL);
		if (i != C_UNIT)
			continue;
		struct unit_rec *u;
		size_t n;
		afield_option(f, "", T(rq, "category_no_unit"), !vals || !vals[C_UNIT] || !*vals[C_UNIT]);
		if (store_units(req_store(rq), rq->arena, &u, &n) == ERR_OK)
			for (size_t k = 0; k < n; k++)
				afield_option(f, u[k].code, pick(rq, u[k].name),
				              vals && vals[C_UNIT] && strcmp(vals[C_UNIT], u[k].code) == 0);
	}
}

static void categories_page(struct req *rq, struct resp *rs, int status, const char *const *vals,
                            const char *const *errors, const char *form_error)
{
	static const char *const heads[] = {"admin_code", "category_name_zh", "category_name_en",
	                                    "category_default_unit", NULL};
	static const char *const done[] = {"saved", "added", NULL};
	struct store *st = req_store(rq);
	struct category_rec *c;
	size_t n;
	if (store_category_list(st, rq->arena, &c, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *page = admin_page(rq, "categories_admin_title");
	admin_notice(rq, page, done);
	tobj_str(page, "intro", T(rq, "categories_admin_intro"));
	struct tobj *t = admin_table(rq, page, "categories_admin_title", heads);
	for (size_t i = 0; i < n; i++) {
		struct tobj *r = admin_row(t);
		admin_cell(rq, r, c[i].code, url(rq, "/staff/admin/categories/%s", c[i].code), NULL);
		admin_cell(rq, r, c[i].name[LANG_ZH], NULL, NULL);
		admin_cell(rq, r, c[i].name[LANG_EN], NULL, NULL);
		admin_cell(rq, r, c[i].default_unit ? pick(rq, c[i].default_unit_name) : T(rq, "category_no_unit"),
		           NULL, NULL);
	}
	if (form_error)
		admin_form_error(rq, page, form_error);
	category_form(rq, page, true, url(rq, "/staff/admin/categories"), vals, errors);
	admin_render(rq, rs, page, status);
}

void h_categories_admin(struct req *rq, struct resp *rs)
{
	categories_page(rq, rs, 200, NULL, NULL, NULL);
}

static bool category_posted(struct req *rq, bool is_new, const char **vals, const char **errors, struct category_rec *c)
{
	bool ok = true;
	vals[C_CODE] = "";
	errors[C_CODE] = NULL;
	for (int i = is_new ? 0 : 1; i < NCAT; i++) {
		errors[i] = NULL;
		vals[i] = admin_value(rq, category_fields[i].key, category_fields[i].required, &errors[i]);
	}
	if (is_new && !errors[C_CODE] && !ids_code_ok(vals[C_CODE]))
		errors[C_CODE] = "admin_err_code";
	struct unit_rec u;
	if (!errors[C_UNIT] && *vals[C_UNIT] && store_unit(req_store(rq), rq->arena, vals[C_UNIT], &u) != ERR_OK)
		errors[C_UNIT] = "unit_err_none";
	for (int i = is_new ? 0 : 1; i < NCAT; i++)
		ok &= !errors[i];
	*c = (struct category_rec){
	    .code = vals[C_CODE],
	    .name = {vals[C_NAME_ZH], vals[C_NAME_EN]},
	    .default_unit = *vals[C_UNIT] ? vals[C_UNIT] : NULL,
	};
	return ok;
}

void h_category_add(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *vals[NCAT], *errors[NCAT];
	struct category_rec c;
	if (!category_posted(rq, true, vals, errors, &c)) {
		categories_page(rq, rs, 422, vals, errors, NULL);
		return;
	}
	const char *receipt = url(rq, "/staff/admin/categories?done=added"), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_category_save(st, &c, true);
	if (e == ERR_OK)
		e = auth_audit(rq, "category_add", arena_printf(rq->arena, "category:%s", c.code), c.name[LANG_ZH]);
	if (!admin_done(rq, rs, st, e, receipt, prior))
		categories_page(rq, rs, 409, vals, errors, "category_err_taken");
}

/* The category named in the path, into vals; false when rs holds the answer. */
static bool load_category(struct req *rq, struct resp *rs, const char **vals)
{
	struct store *st = req_store(rq);
	struct category_rec *c;
	size_t n;
	enum err e = st ? store_category_list(st, rq->arena, &c, &n) : ERR_DB;
	for (size_t i = 0; e == ERR_OK && i < n; i++)
		if (strcmp(c[i].code, req_cap(rq, 0)) == 0) {
			const char *v[NCAT] = {c[i].code, c[i].name[LANG_ZH], c[i].name[LANG_EN], c[i].default_unit};
			memcpy(vals, v, sizeof v);
			return true;
		}
	page_error_lookup(rq, rs, e == ERR_OK ? ERR_NOTFOUND : e, "category_err_none");
	return false;
}

static void category_edit_page(struct req *rq, struct resp *rs, int status, const char *const *vals,
                               const char *const *errors)
{
	struct tobj *page = admin_page(rq, "category_edit_title");
	admin_intro(rq, page, vals[C_NAME_ZH], arena_printf(rq->arena, "(%s)", vals[C_CODE]));
	category_form(rq, page, false, url(rq, "/staff/admin/categories/%s", vals[C_CODE]), vals, errors);
	admin_render(rq, rs, page, status);
}

void h_category_edit_form(struct req *rq, struct resp *rs)
{
	const char *vals[NCAT];
	if (load_category(rq, rs, vals))
		category_edit_page(rq, rs, 200, vals, NULL);
}

void h_category_update(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *old[NCAT], *vals[NCAT], *errors[NCAT];
	struct category_rec c;
	if (!load_category(rq, rs, old))
		return;
	bool ok = category_posted(rq, false, vals, errors, &c);
	vals[C_CODE] = c.code = old[C_CODE];
	errors[C_CODE] = NULL;
	if (!ok) {
		category_edit_page(rq, rs, 422, vals, errors);
		return;
	}
	const char *receipt = url(rq, "/staff/admin/categories?done=saved"), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_category_save(st, &c, false);
	if (e == ERR_OK)
		e = auth_audit(rq, "category_update", arena_printf(rq->arena, "category:%s", c.code),
		               c.default_unit ? c.default_unit : "-");
	if (!admin_done(rq, rs, st, e, receipt, prior)) {
		errors[C_NAME_ZH] = "category_err_taken";
		category_edit_page(rq, rs, 409, vals, errors);
	}
}
