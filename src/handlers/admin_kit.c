/*
 * admin_kit.c -- the admin pages' shared page, forms, tables and
 * one-time tokens (see admin_kit.h).
 */
#include "handlers/admin_kit.h"

#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cjk.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "store/office.h"

struct tobj *admin_page(struct req *rq, const char *title_key)
{
	return view_new(rq, T(rq, title_key));
}

void admin_render(struct req *rq, struct resp *rs, struct tobj *page, int status)
{
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "admin_page", page);
}

void admin_notice(struct req *rq, struct tobj *page, const char *const *done_keys)
{
	const char *done = req_val(rq, K_DONE)->s;
	for (const char *const *k = done_keys; *done && *k; k++)
		if (strcmp(done, *k) == 0)
			tobj_str(page, "notice", T(rq, arena_printf(rq->arena, "admin_done_%s", *k)));
}

struct tobj *admin_form(struct req *rq, struct tobj *page, const char *id, const char *heading_key, const char *action,
                        const char *button_key)
{
	const struct tv *forms = tobj_get(page, "forms");
	struct tlist *l = forms ? forms->u.list : tobj_list(page, "forms");
	struct tobj *f = tlist_obj(l);
	tobj_str(f, "id", id);
	tobj_str(f, "heading", T(rq, heading_key));
	tobj_str(f, "action", action);
	tobj_str(f, "button", T(rq, button_key));
	tobj_str(f, "once", auth_form_once(rq));
	tobj_list(f, "fields");
	return f;
}

/* Chinese text on an English page: marked lang="zh-Hant" for screen readers. */
static bool zh_on_en(const struct req *rq, const char *text)
{
	return rq->lang != LANG_ZH && text && cjk_has_han(text);
}

void admin_intro(struct req *rq, struct tobj *page, const char *name, const char *rest)
{
	tobj_str(page, "intro_name", name ? name : "");
	tobj_bool(page, "intro_zh", zh_on_en(rq, name));
	tobj_str(page, "intro_rest", rest);
}

struct tobj *admin_field(struct req *rq, struct tobj *page, struct tobj *form, const struct afield *f,
                         const char *value, const char *err_key)
{
	static const char *const kinds[] = {
	    "is_input",  /* AF_TEXT */
	    "is_input",  /* AF_EMAIL */
	    "is_input",  /* AF_PASSWORD */
	    "is_input",  /* AF_DATE */
	    "is_area",   /* AF_AREA */
	    "is_select", /* AF_SELECT */
	    "is_check",  /* AF_CHECK */
	    "is_multi",  /* AF_MULTI */
	};
	static const char *const types[] = {"text", "email", "password", "date"};
	struct arena *a = rq->arena;
	struct tobj *o = tlist_obj(tobj_get(form, "fields")->u.list);
	const char *fid = arena_printf(a, "%s-%s", tobj_get(form, "id")->u.s, key_name(f->key));
	tobj_bool(o, kinds[f->kind], true);
	if (f->kind <= AF_DATE)
		tobj_str(o, "input_type", types[f->kind]);
	tobj_str(o, "autocomplete", f->kind == AF_PASSWORD ? "new-password" : "off");
	tobj_str(o, "fid", fid);
	tobj_str(o, "name", key_name(f->key));
	tobj_str(o, "label", T(rq, f->label_key));
	tobj_int(o, "max", f->max);
	tobj_bool(o, "has_max", f->kind != AF_DATE); /* no maxlength on a date */
	tobj_bool(o, "required", f->required);
	tobj_bool(o, "zh", f->kind != AF_PASSWORD && zh_on_en(rq, value));
	if (f->kind == AF_CHECK)
		tobj_bool(o, "checked", value && *value);
	else if (f->kind != AF_PASSWORD)
		tobj_str(o, "value", value ? value : "");
	const char *described = NULL;
	if (f->hint_key) {
		tobj_str(o, "hint", T(rq, f->hint_key));
		described = arena_printf(a, "%s-hint", fid);
	}
	if (err_key) {
		tobj_str(o, "error", T(rq, err_key));
		described = arena_printf(a, "%s%s%s-err", described ? described : "", described ? " " : "", fid);
		tobj_bool(page, "has_errors", true);
	}
	tobj_str(o, "described", described);
	if (f->kind == AF_SELECT || f->kind == AF_MULTI)
		tobj_list(o, "options");
	return o;
}

void afield_option(struct tobj *field, const char *value, const char *label, bool selected)
{
	struct tobj *o = tlist_obj(tobj_get(field, "options")->u.list);
	tobj_str(o, "value", value);
	tobj_str(o, "label", label);
	tobj_bool(o, "selected", selected);
}

void admin_form_error(struct req *rq, struct tobj *page, const char *err_key)
{
	tobj_str(page, "form_error", T(rq, err_key));
	tobj_bool(page, "has_errors", true);
}

struct tobj *admin_table(struct req *rq, struct tobj *page, const char *caption_key, const char *const *head_keys)
{
	struct tobj *t = tobj_new(rq->arena);
	tobj_str(t, "caption", T(rq, caption_key));
	struct tlist *heads = tobj_list(t, "heads");
	for (const char *const *k = head_keys; *k; k++)
		tlist_str(heads, T(rq, *k));
	tobj_list(t, "rows");
	tobj_obj(page, "table", t);
	return t;
}

struct tobj *admin_row(struct tobj *table)
{
	struct tobj *r = tlist_obj(tobj_get(table, "rows")->u.list);
	tobj_list(r, "cells");
	return r;
}

void admin_cell(struct req *rq, struct tobj *row, const char *text, const char *href, const char *action)
{
	struct tobj *c = tlist_obj(tobj_get(row, "cells")->u.list);
	tobj_str(c, "text", text ? text : "");
	tobj_bool(c, "zh", zh_on_en(rq, text));
	tobj_str(c, "href", href);
	if (action) {
		tobj_str(c, "action", action);
		tobj_str(c, "once", auth_random_hex(rq->arena, FORM_ONCE_LEN / 2));
	}
}

const char *admin_value(const struct req *rq, enum key key, bool required, const char **err_key)
{
	const struct fval *f = req_val(rq, key);
	if (f->err_key) {
		*err_key = f->err_key;
		return f->s;
	}
	const char *s = f->s;
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	const char *v = arena_strndup(rq->arena, s, n);
	if (required && !*v)
		*err_key = "err_required";
	return v;
}

enum err admin_claim(struct req *rq, struct store *st, const char *receipt, const char **prior)
{
	char hash[FORM_HASH_SIZE];
	ids_form_hash(auth_form_once(rq), hash);
	return store_form_claim(st, rq->arena, hash, receipt, clock_now_iso(rq->arena), prior);
}

bool admin_done(struct req *rq, struct resp *rs, struct store *st, enum err e, const char *receipt, const char *prior)
{
	store_fail(st, e);
	e = store_finish(st);
	if (e == ERR_OK) {
		page_redirect(rq, rs, receipt);
		return true;
	}
	if (prior) {
		page_redirect(rq, rs, prior);
		return true;
	}
	if (e == ERR_OK || e == ERR_DB) {
		page_error(rq, rs, 503, "err_unavailable");
		return true;
	}
	return false;
}
