/*
 * accounts.c -- /staff/admin/users: the administrator's staff accounts
 * page: the list, a new account, a change of name, role, unit, e-mail for
 * notifications or villages (a village officer's), disabling and enabling,
 * and a new password.  An officer must have a unit (domain/role.c).  An
 * administrator never disables their own account nor takes away their own
 * role, so the office always keeps one.  Changes that touch how someone
 * signs in end their sessions; every change is audit-logged.  (Each user
 * changes their own password at /staff/password, staff.c.)
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/ids.h"
#include "domain/password.h"
#include "handlers/admin_kit.h"
#include "handlers/handlers.h"
#include "store/accounts.h"
#include "store/office.h"

static const struct afield acct_fields[] = {
    {K_USERNAME, "acct_username", AF_TEXT, 64, true, "acct_username_hint"},
    {K_DISPLAY_NAME, "acct_display_name", AF_TEXT, 50, true, NULL},
    {K_ROLE, "acct_role", AF_SELECT, 16, true, NULL},
    {K_UNIT, "acct_unit", AF_SELECT, 32, false, "acct_unit_hint"},
    {K_EMAIL, "acct_email", AF_EMAIL, 100, false, "acct_email_hint"},
    {K_VILLAGES, "acct_villages", AF_MULTI, 32, false, "acct_villages_hint"},
    {K_PASSWORD, "acct_password", AF_PASSWORD, 200, true, "acct_password_hint"},
};
enum { NACCT = sizeof acct_fields / sizeof acct_fields[0] };
enum { A_USER, A_NAME, A_ROLE, A_UNIT, A_EMAIL, A_VILLAGES, A_PASSWORD };

/* What the form shows: the fields' texts, and the villages ticked (NULL-terminated codes). */
struct acct_vals {
	const char *v[NACCT];
	const char *const *villages;
};

static bool listed(const char *const *codes, const char *code)
{
	for (const char *const *c = codes; c && *c; c++)
		if (strcmp(*c, code) == 0)
			return true;
	return false;
}

/* The account form: is_new adds the username and password. */
static void acct_form(struct req *rq, struct tobj *page, bool is_new, const char *action, const struct acct_vals *a,
                      const char *const *errors)
{
	struct store *st = req_store(rq);
	struct tobj *form = admin_form(rq, page, "account", is_new ? "acct_add_title" : "acct_edit_title", action,
	                               is_new ? "admin_add" : "admin_save");
	for (int i = 0; i < NACCT; i++) {
		if (!is_new && (i == A_USER || i == A_PASSWORD))
			continue;
		const char *val = a ? a->v[i] : NULL;
		struct tobj *f = admin_field(rq, page, form, &acct_fields[i], val, errors ? errors[i] : NULL);
		if (i == A_ROLE) {
			for (int r = 0; r < ROLE__MAX; r++)
				afield_option(f, role_name((enum role)r),
				              T(rq, arena_printf(rq->arena, "role_%s", role_name((enum role)r))),
				              val && strcmp(val, role_name((enum role)r)) == 0);
		} else if (i == A_UNIT) {
			struct unit_rec *u;
			size_t n;
			afield_option(f, "", T(rq, "acct_no_unit"), !val || !*val);
			if (store_units(st, rq->arena, &u, &n) == ERR_OK)
				for (size_t k = 0; k < n; k++)
					afield_option(f, u[k].code, pick(rq, u[k].name),
					              val && strcmp(val, u[k].code) == 0);
		} else if (i == A_VILLAGES) {
			struct village_rec *v;
			size_t n;
			if (store_village_list(st, rq->arena, &v, &n) == ERR_OK)
				for (size_t k = 0; k < n; k++)
					afield_option(f, v[k].code, pick(rq, v[k].name),
					              listed(a ? a->villages : NULL, v[k].code));
		}
	}
}

static void users_page(struct req *rq, struct resp *rs, int status, const struct acct_vals *a,
                       const char *const *errors, const char *form_error)
{
	static const char *const heads[] = {"acct_username", "acct_display_name", "acct_role", "acct_unit",
	                                    "acct_email",    "acct_state",        NULL};
	static const char *const done[] = {"saved", "added", "password", "enabled", "disabled", NULL};
	struct store *st = req_store(rq);
	struct user_rec *u;
	size_t n;
	if (store_users_all(st, rq->arena, &u, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *page = admin_page(rq, "users_admin_title");
	admin_notice(rq, page, done);
	struct tobj *t = admin_table(rq, page, "users_admin_title", heads);
	for (size_t i = 0; i < n; i++) {
		struct tobj *r = admin_row(t);
		admin_cell(rq, r, u[i].username, url(rq, "/staff/admin/users/%lld", u[i].id), NULL);
		admin_cell(rq, r, u[i].display_name, NULL, NULL);
		admin_cell(rq, r, T(rq, arena_printf(rq->arena, "role_%s", role_name(u[i].role))), NULL, NULL);
		admin_cell(rq, r, u[i].unit ? pick(rq, u[i].unit_name) : T(rq, "acct_no_unit"), NULL, NULL);
		admin_cell(rq, r, u[i].email, NULL, NULL);
		admin_cell(rq, r, T(rq, u[i].active ? "acct_active" : "acct_disabled"), NULL, NULL);
	}
	if (form_error)
		admin_form_error(rq, page, form_error);
	acct_form(rq, page, true, url(rq, "/staff/admin/users"), a, errors);
	admin_render(rq, rs, page, status);
}

void h_users_admin(struct req *rq, struct resp *rs)
{
	users_page(rq, rs, 200, NULL, NULL, NULL);
}

/* A user name: 1 to 64 letters, digits, '.', '_' or '-'. */
static bool username_ok(const char *s)
{
	size_t n = strlen(s);
	return n >= 1 && n <= 64 && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

/*
 * Reads the posted account into a/errors and *out; true when acceptable.
 * The villages are kept only for a village officer.
 */
static bool acct_posted(struct req *rq, bool is_new, struct acct_vals *a, const char **errors, struct account_edit *out)
{
	struct store *st = req_store(rq);
	for (int i = 0; i < NACCT; i++) {
		errors[i] = NULL;
		bool skip = !is_new && (i == A_USER || i == A_PASSWORD);
		a->v[i] = skip || i == A_VILLAGES
		              ? ""
		              : admin_value(rq, acct_fields[i].key, acct_fields[i].required, &errors[i]);
	}
	const struct fval *vs = req_val(rq, K_VILLAGES);
	const char **codes = arena_alloc(rq->arena, (vs->nmulti + 1) * sizeof *codes);
	for (size_t i = 0; i < vs->nmulti; i++)
		codes[i] = vs->multi[i];
	codes[vs->nmulti] = NULL;
	a->villages = codes;
	errors[A_VILLAGES] = vs->err_key;
	enum role r = role_parse(a->v[A_ROLE]);
	if (is_new && !errors[A_USER] && !username_ok(a->v[A_USER]))
		errors[A_USER] = "acct_err_username";
	if (!errors[A_ROLE] && r == ROLE__MAX)
		errors[A_ROLE] = "acct_err_role";
	struct unit_rec u;
	if (!errors[A_UNIT] && *a->v[A_UNIT] && store_unit(st, rq->arena, a->v[A_UNIT], &u) != ERR_OK)
		errors[A_UNIT] = "unit_err_none";
	else if (!errors[A_UNIT] && !*a->v[A_UNIT] && role_needs_unit(r))
		errors[A_UNIT] = "acct_err_unit_needed";
	if (!errors[A_EMAIL] && *a->v[A_EMAIL] && !ids_email_ok(a->v[A_EMAIL]))
		errors[A_EMAIL] = "err_email";
	if (r != ROLE_VILLAGE)
		codes[0] = NULL;
	for (const char *const *c = codes; !errors[A_VILLAGES] && *c; c++) {
		struct village_rec v;
		if (store_village(st, rq->arena, *c, &v) != ERR_OK)
			errors[A_VILLAGES] = "village_err_none";
	}
	if (is_new && !errors[A_PASSWORD] && strlen(a->v[A_PASSWORD]) < PASSWORD_MIN)
		errors[A_PASSWORD] = "pw_short";
	bool ok = true;
	for (int i = 0; i < NACCT; i++)
		ok &= !errors[i];
	*out = (struct account_edit){
	    .username = a->v[A_USER],
	    .display_name = a->v[A_NAME],
	    .role = a->v[A_ROLE],
	    .unit = *a->v[A_UNIT] ? a->v[A_UNIT] : NULL,
	    .email = *a->v[A_EMAIL] ? a->v[A_EMAIL] : NULL,
	};
	return ok;
}

void h_user_add(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct acct_vals a;
	const char *errors[NACCT];
	struct account_edit u;
	char hash[crypto_pwhash_STRBYTES];
	if (!acct_posted(rq, true, &a, errors, &u)) {
		users_page(rq, rs, 422, &a, errors, NULL);
		return;
	}
	if (password_hash(a.v[A_PASSWORD], hash) != 0) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	u.pw_hash = hash;
	const char *receipt = url(rq, "/staff/admin/users?done=added"), *prior = NULL;
	long long id = 0;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_user_create(st, &u, &id);
	if (e == ERR_OK)
		e = store_user_villages_set(st, id, a.villages);
	if (e == ERR_OK)
		e = auth_audit(rq, "user_add", arena_printf(rq->arena, "user:%s", u.username), u.role);
	if (!admin_done(rq, rs, st, e, receipt, prior)) {
		errors[A_USER] = "acct_err_taken";
		users_page(rq, rs, 409, &a, errors, NULL);
	}
}

/* The account named in the path (its id); false when rs holds the answer. */
static bool load_account(struct req *rq, struct resp *rs, struct user_rec *u)
{
	struct store *st = req_store(rq);
	char *end;
	long long id = strtoll(req_cap(rq, 0), &end, 10);
	enum err e = !st ? ERR_DB : *end || id <= 0 ? ERR_NOTFOUND : store_user_by_id(st, rq->arena, id, u);
	if (e != ERR_OK)
		page_error_lookup(rq, rs, e, "acct_err_none");
	return e == ERR_OK;
}

static void user_edit_page(struct req *rq, struct resp *rs, int status, const struct user_rec *u,
                           const struct acct_vals *a, const char *const *errors, const char *pw_error)
{
	struct tobj *page = admin_page(rq, "acct_edit_title");
	admin_intro(
	    rq, page, u->display_name,
	    arena_printf(rq->arena, "(%s) · %s", u->username, T(rq, u->active ? "acct_active" : "acct_disabled")));
	acct_form(rq, page, false, url(rq, "/staff/admin/users/%lld", u->id), a, errors);
	static const struct afield pw = {K_PASSWORD, "acct_new_password", AF_PASSWORD, 200, true, "acct_reset_hint"};
	struct tobj *f = admin_form(rq, page, "reset", "acct_reset_title",
	                            url(rq, "/staff/admin/users/%lld/password", u->id), "acct_reset_button");
	admin_field(rq, page, f, &pw, NULL, pw_error);
	admin_form(rq, page, "active", u->active ? "acct_disable_title" : "acct_enable_title",
	           url(rq, "/staff/admin/users/%lld/active", u->id),
	           u->active ? "acct_disable_button" : "acct_enable_button");
	admin_render(rq, rs, page, status);
}

/* The form's values for account u as stored. */
static void stored_vals(struct req *rq, const struct user_rec *u, struct acct_vals *a)
{
	const char **villages = NULL;
	store_user_villages(req_store(rq), rq->arena, u->id, &villages);
	*a = (struct acct_vals){{u->username, u->display_name, role_name(u->role), u->unit, u->email, NULL, NULL},
	                        villages};
}

void h_user_edit_form(struct req *rq, struct resp *rs)
{
	struct user_rec u;
	struct acct_vals a;
	if (!load_account(rq, rs, &u))
		return;
	stored_vals(rq, &u, &a);
	user_edit_page(rq, rs, 200, &u, &a, NULL, NULL);
}

/* An administrator's own account keeps its role and stays enabled. */
static bool is_self(const struct req *rq, const struct user_rec *u)
{
	return rq->sess->user.id == u->id;
}

void h_user_update(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct user_rec old;
	struct acct_vals a;
	const char *errors[NACCT];
	struct account_edit u;
	if (!load_account(rq, rs, &old))
		return;
	bool ok = acct_posted(rq, false, &a, errors, &u);
	if (ok && is_self(rq, &old) && role_parse(u.role) != old.role) {
		errors[A_ROLE] = "acct_err_self";
		ok = false;
	}
	if (!ok) {
		user_edit_page(rq, rs, is_self(rq, &old) && errors[A_ROLE] ? 409 : 422, &old, &a, errors, NULL);
		return;
	}
	const char *receipt = url(rq, "/staff/admin/users?done=saved"), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_user_update(st, old.id, &u);
	if (e == ERR_OK)
		e = store_user_villages_set(st, old.id, a.villages);
	/* a new role or unit is a new set of permissions: sessions made under the old ones end */
	if (e == ERR_OK && (role_parse(u.role) != old.role || !u.unit != !old.unit ||
	                    (u.unit && old.unit && strcmp(u.unit, old.unit) != 0)))
		e = store_sessions_end_user(st, old.id);
	if (e == ERR_OK)
		e = auth_audit(
		    rq, "user_update", arena_printf(rq->arena, "user:%s", old.username),
		    arena_printf(rq->arena, "%s %s %s", u.role, u.unit ? u.unit : "-", u.email ? u.email : "-"));
	if (!admin_done(rq, rs, st, e, receipt, prior))
		page_error(rq, rs, 503, "err_unavailable");
}

void h_user_active(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct user_rec u;
	if (!load_account(rq, rs, &u))
		return;
	if (is_self(rq, &u)) {
		page_conflict(rq, rs, "acct_err_self", NULL);
		return;
	}
	const char *receipt = url(rq, "/staff/admin/users?done=%s", u.active ? "disabled" : "enabled"), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_user_set_active(st, u.id, !u.active);
	if (e == ERR_OK)
		e = store_sessions_end_user(st, u.id);
	if (e == ERR_OK)
		e = auth_audit(rq, u.active ? "user_disable" : "user_enable",
		               arena_printf(rq->arena, "user:%s", u.username), NULL);
	if (!admin_done(rq, rs, st, e, receipt, prior))
		page_error(rq, rs, 503, "err_unavailable");
}

void h_user_reset_password(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct user_rec u;
	if (!load_account(rq, rs, &u))
		return;
	const char *err = NULL;
	const char *pw = admin_value(rq, K_PASSWORD, true, &err);
	if (!err && strlen(pw) < PASSWORD_MIN)
		err = "pw_short";
	char hash[crypto_pwhash_STRBYTES];
	if (!err && password_hash(pw, hash) != 0) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	if (err) {
		struct acct_vals a;
		stored_vals(rq, &u, &a);
		user_edit_page(rq, rs, 422, &u, &a, NULL, err);
		return;
	}
	const char *receipt = url(rq, "/staff/admin/users?done=password"), *prior = NULL;
	enum err e = store_begin(st);
	if (e == ERR_OK)
		e = admin_claim(rq, st, receipt, &prior);
	if (e == ERR_OK)
		e = store_user_set_password(st, u.id, hash);
	if (e == ERR_OK)
		e = store_sessions_end_user(st, u.id);
	if (e == ERR_OK)
		e = auth_audit(rq, "user_passwd", arena_printf(rq->arena, "user:%s", u.username), NULL);
	if (!admin_done(rq, rs, st, e, receipt, prior))
		page_error(rq, rs, 503, "err_unavailable");
}
