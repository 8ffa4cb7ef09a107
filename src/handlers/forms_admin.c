/*
 * forms_admin.c -- forms (書表): the public index (書表下載) and downloads,
 * and the staff pages that upload them.  A file is taken only when its
 * bytes are a PDF, an ODT or a DOCX and its name says the same type
 * (domain/filetype.c): a renamed executable is refused.  Files live in the
 * database and are served with their own type and as attachments, under a
 * name we make (CODE.TYPE), never the uploader's.  Officers and heads
 * manage their unit's forms, administrators every unit's; every change
 * writes an audit row in its transaction.
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/filetype.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/catalog_edit.h"

/* "1.2 MB", "35 KB": a size as people read it (arena). */
static const char *human_size(struct req *rq, long long bytes)
{
	if (bytes >= 1024 * 1024)
		return arena_printf(rq->arena, "%.1f MB", (double)bytes / (1024.0 * 1024.0));
	return arena_printf(rq->arena, "%lld KB", (bytes + 1023) / 1024);
}

static void form_view(struct req *rq, struct tobj *o, const struct form_rec *f)
{
	view_text(rq, o, "title", f->title);
	view_text(rq, o, "unit_name", f->unit_name);
	tobj_str(o, "code", f->code);
	tobj_str(o, "type", f->type);
	tobj_str(o, "size", human_size(rq, f->size));
	tobj_bool(o, "has_file", f->has_file);
	tobj_str(o, "href", url(rq, "/forms/%s", f->code));
	tobj_str(o, "edit_href", url(rq, "/staff/forms/%s/edit", f->code));
	tobj_str(o, "delete_action", url(rq, "/staff/forms/%s/delete", f->code));
}

/* ---- public ---- */

void h_forms_index(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct form_rec *f;
	size_t n;
	if (store_forms(st, rq->arena, NULL, &f, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "forms_title"));
	struct tlist *l = tobj_list(v, "forms");
	for (size_t i = 0; i < n; i++)
		if (f[i].has_file)
			form_view(rq, tlist_obj(l), &f[i]);
	page_render(rq, rs, "forms", v);
}

void h_form_download(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct form_rec f;
	const void *data;
	size_t len;
	enum err e = store_form(st, rq->arena, req_cap(rq, 0), &f);
	if (e == ERR_OK)
		e = store_form_file(st, rq->arena, f.code, &data, &len);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_not_found");
		return;
	}
	rs->status = 200;
	rs->content_type = filetype_mime(filetype_parse(f.type));
	buf_put(&rs->body, data,
	        len); /* the response's own bytes: the front end may send them after the arena is gone */
	rs->cache_control = "no-cache";
	/* our own ASCII name: the code is a slug, the type one of three */
	resp_header(rs, "Content-Disposition",
	            arena_printf(rq->arena, "attachment; filename=\"%s.%s\"", f.code, f.type));
}

/* ---- staff ---- */

enum { F_CODE, F_UNIT, F_TZH, F_TEN, F_FILE, NF };
static const enum key field_names[NF] = {K_CODE, K_UNIT, K_TITLE_ZH, K_TITLE_EN, K_FILE};

/* The list and the upload form (vals/errors: a refused upload shown again). */
static void admin_page(struct req *rq, struct resp *rs, int status, const char *const *vals, const char *const *errors)
{
	struct store *st = req_store(rq);
	struct form_rec *f;
	size_t n;
	if (store_forms(st, rq->arena, content_own_unit(rq), &f, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "forms_admin_title"));
	struct tlist *l = tobj_list(v, "forms");
	for (size_t i = 0; i < n; i++)
		form_view(rq, tlist_obj(l), &f[i]);
	bool any = false;
	for (int i = 0; i < NF; i++) {
		tobj_str(v, key_name(field_names[i]), vals && vals[i] ? vals[i] : "");
		if (errors && errors[i]) {
			view_field_error(rq, v, key_name(field_names[i]), T(rq, errors[i]));
			any = true;
		}
	}
	tobj_bool(v, "has_errors", any);
	tobj_int(v, "max_mb", FILETYPE_MAX_BYTES / (1024 * 1024));
	content_unit_options(rq, v, vals && vals[F_UNIT] ? vals[F_UNIT] : content_own_unit(rq));
	const struct fval *done = req_val(rq, K_DONE);
	if (done->present && strcmp(done->s, "saved") == 0)
		tobj_str(v, "notice", T(rq, "forms_saved"));
	else if (done->present && strcmp(done->s, "deleted") == 0)
		tobj_str(v, "notice", T(rq, "forms_deleted"));
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "forms_admin", v);
}

void h_forms_admin(struct req *rq, struct resp *rs)
{
	admin_page(rq, rs, 200, NULL, NULL);
}

/* Checks the uploaded file (required or not) into *out; the refusal's key, or NULL. */
static const char *check_file(const struct req *rq, bool required, struct form_save *out)
{
	const struct upload *up = req_upload(rq, K_FILE);
	if (!up || (up->len == 0 && !*up->filename))
		return required ? "forms_file_required" : NULL;
	if (up->len > FILETYPE_MAX_BYTES)
		return "forms_too_large";
	enum filetype t = filetype_sniff(up->data, up->len);
	if (t == FT_UNKNOWN)
		return "forms_bad_type";
	if (filetype_from_name(up->filename) != t)
		return "forms_type_mismatch";
	char *hex = arena_alloc(rq->arena, 65);
	filetype_sha256_hex(up->data, up->len, hex);
	out->type = filetype_name(t);
	out->sha256 = hex;
	out->data = up->data;
	out->len = up->len;
	return NULL;
}

/* Reads the posted fields into vals/errors and *out; true when all are fine. */
static bool check_form(struct req *rq, bool is_new, const char *code, const char **vals, const char **errors,
                       struct form_save *out)
{
	memset(out, 0, sizeof *out);
	for (int i = 0; i < F_FILE; i++) {
		const struct fval *f = req_val(rq, field_names[i]);
		vals[i] = f->s;
		errors[i] = f->err_key;
	}
	vals[F_FILE] = NULL;
	if (!is_new) {
		vals[F_CODE] = code;
		errors[F_CODE] = NULL;
	} else if (!errors[F_CODE] && !*vals[F_CODE]) {
		errors[F_CODE] = "err_required";
	}
	if (content_own_unit(rq)) {
		vals[F_UNIT] = content_own_unit(rq);
		errors[F_UNIT] = NULL;
	}
	if (!errors[F_UNIT])
		errors[F_UNIT] = content_check_unit(rq, REC_FORM, vals[F_UNIT]);
	errors[F_FILE] = check_file(rq, is_new, out);
	out->code = vals[F_CODE];
	out->unit = vals[F_UNIT];
	out->title[LANG_ZH] = vals[F_TZH];
	out->title[LANG_EN] = vals[F_TEN];
	out->by = rq->sess->user.username;
	out->at = clock_now_iso(rq->arena);
	bool ok = true;
	for (int i = 0; i < NF; i++)
		ok &= !errors[i];
	return ok;
}

/* Saves in one transaction with its audit row; returns the store's answer. */
static enum err save(struct req *rq, const struct form_save *f, bool is_new)
{
	struct store *st = req_store(rq);
	store_begin(st);
	if (is_new)
		store_form_create(st, f);
	else
		store_form_update(st, f);
	content_audit(rq, is_new ? "form_create" : "form_update", arena_printf(rq->arena, "form:%s", f->code),
	              f->data ? arena_printf(rq->arena, "%s %zu bytes sha256 %s", f->type, f->len, f->sha256)
	                      : f->title[LANG_ZH]);
	return store_finish(st);
}

void h_form_create(struct req *rq, struct resp *rs)
{
	const char *vals[NF], *errors[NF];
	struct form_save f;
	if (!req_store(rq)) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	if (!check_form(rq, true, NULL, vals, errors, &f)) {
		admin_page(rq, rs, 422, vals, errors);
		return;
	}
	enum err e = save(rq, &f, true);
	if (e == ERR_CONFLICT) {
		errors[F_CODE] = "forms_code_taken";
		admin_page(rq, rs, 409, vals, errors);
	} else if (e != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
	} else {
		page_redirect(rq, rs, url(rq, "/staff/forms?done=saved"));
	}
}

/* The form named in the path, when the person may change it; false when rs holds the answer. */
static bool load(struct req *rq, struct resp *rs, struct form_rec *f)
{
	struct store *st = req_store(rq);
	enum err e = store_form(st, rq->arena, req_cap(rq, 0), f);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_not_found");
		return false;
	}
	if (!content_may_edit(rq, REC_FORM, f->unit)) {
		page_error(rq, rs, 403, "content_not_your_unit");
		return false;
	}
	return true;
}

static void edit_page(struct req *rq, struct resp *rs, int status, const struct form_rec *f, const char *const *vals,
                      const char *const *errors)
{
	struct tobj *v = view_new(rq, T(rq, "forms_edit_title"));
	form_view(rq, v, f);
	bool any = false;
	for (int i = 0; i < NF; i++) {
		tobj_str(v, key_name(field_names[i]), vals[i] ? vals[i] : "");
		if (errors && errors[i]) {
			view_field_error(rq, v, key_name(field_names[i]), T(rq, errors[i]));
			any = true;
		}
	}
	tobj_bool(v, "has_errors", any);
	tobj_int(v, "max_mb", FILETYPE_MAX_BYTES / (1024 * 1024));
	tobj_str(v, "action", url(rq, "/staff/forms/%s/edit", f->code));
	content_unit_options(rq, v, vals[F_UNIT]);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "form_edit", v);
}

void h_form_edit_form(struct req *rq, struct resp *rs)
{
	struct form_rec f;
	if (!load(rq, rs, &f))
		return;
	const char *vals[NF] = {f.code, f.unit, f.title[LANG_ZH], f.title[LANG_EN], NULL};
	edit_page(rq, rs, 200, &f, vals, NULL);
}

void h_form_update(struct req *rq, struct resp *rs)
{
	struct form_rec f;
	if (!load(rq, rs, &f))
		return;
	const char *vals[NF], *errors[NF];
	struct form_save s;
	if (!check_form(rq, false, f.code, vals, errors, &s)) {
		edit_page(rq, rs, 422, &f, vals, errors);
		return;
	}
	enum err e = save(rq, &s, false);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_not_found");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/forms?done=saved"));
}

void h_form_delete(struct req *rq, struct resp *rs)
{
	struct form_rec f;
	if (!load(rq, rs, &f))
		return;
	struct store *st = req_store(rq);
	store_begin(st);
	store_form_delete(st, f.code);
	content_audit(rq, "form_delete", arena_printf(rq->arena, "form:%s", f.code), f.title[LANG_ZH]);
	enum err e = store_finish(st);
	if (e == ERR_CONFLICT)
		page_conflict(rq, rs, "forms_in_use", NULL);
	else if (e != ERR_OK)
		page_error_lookup(rq, rs, e, "err_not_found");
	else
		page_redirect(rq, rs, url(rq, "/staff/forms?done=deleted"));
}
