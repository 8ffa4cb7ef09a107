/*
 * catalog_admin.c -- staff keep their services' one-time notice sheets
 * (一次告知單): the list with what is published and what is due for review,
 * the editor (every field of a sheet in Chinese and English, a preview of
 * both before saving), publishing and withdrawing, and the version history
 * with every earlier text.  A save is a review (reviewed_on = today), goes
 * through the same store path as `admin catalog import`, keeps a version
 * and writes an audit row, all in one transaction; the public pages follow
 * at once (content_gen).  Officers and heads edit their unit's services,
 * administrators every unit's (domain/access.c).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/catalog_doc.h"
#include "domain/clock.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/catalog.h"
#include "store/catalog_edit.h"
#include "store/catalog_io.h"
#include "store/petitions.h" /* store_categories */

/* The editor's text fields, in form order. */
static const enum key text_fields[] = {
    K_CODE,     K_UNIT,     K_CATEGORY, K_NAME_ZH,  K_NAME_EN,  K_SUMMARY_ZH, K_SUMMARY_EN,      K_ELIG_ZH,
    K_ELIG_EN,  K_FEE_ZH,   K_FEE_EN,   K_LEGAL_ZH, K_LEGAL_EN, K_NOTES_ZH,   K_NOTES_EN,        K_CONTACT_EXT,
    K_CONDS_ZH, K_CONDS_EN, K_DOCS_ZH,  K_DOCS_EN,  K_STEPS_ZH, K_STEPS_EN,   K_PROCESSING_DAYS, K_CORRECTION_DAYS,
    K_EXT_DAYS, K_NOTE};
enum {
	T_CODE,
	T_UNIT,
	T_CAT,
	T_NAME_ZH,
	T_NAME_EN,
	T_SUM_ZH,
	T_SUM_EN,
	T_ELIG_ZH,
	T_ELIG_EN,
	T_FEE_ZH,
	T_FEE_EN,
	T_LEGAL_ZH,
	T_LEGAL_EN,
	T_NOTES_ZH,
	T_NOTES_EN,
	T_EXT,
	T_CONDS_ZH,
	T_CONDS_EN,
	T_DOCS_ZH,
	T_DOCS_EN,
	T_STEPS_ZH,
	T_STEPS_EN,
	T_DAYS,
	T_CORR,
	T_EXT_DAYS,
	T_NOTE,
	NT
};

/* An ISO day more than FAQ_REVIEW_DAYS (the same 180) before today? */
static bool is_stale(const char *reviewed_on)
{
	int32_t d;
	return !reviewed_on || !cal_parse_iso(reviewed_on, &d) || clock_office_day(clock_now()) - d > FAQ_REVIEW_DAYS;
}

/* ---- the list ---- */

void h_services_admin(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct service_admin_rec *s;
	size_t n;
	if (store_services_admin(st, rq->arena, content_own_unit(rq), &s, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "svc_admin_title"));
	struct tlist *l = tobj_list(v, "services");
	size_t stale = 0;
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		view_text(rq, o, "name", s[i].name);
		tobj_str(o, "code", s[i].code);
		tobj_bool(o, "published", s[i].published);
		tobj_str(o, "reviewed_on", s[i].reviewed_on);
		tobj_str(o, "reviewed", view_date(rq, s[i].reviewed_on));
		tobj_int(o, "rev", s[i].rev);
		tobj_str(o, "href", url(rq, "/services/%s", s[i].code));
		tobj_str(o, "edit_href", url(rq, "/staff/services/%s/edit", s[i].code));
		tobj_str(o, "history_href", url(rq, "/staff/services/%s/history", s[i].code));
		tobj_str(o, "publish_action", url(rq, "/staff/services/%s/publish", s[i].code));
		if (s[i].published && is_stale(s[i].reviewed_on)) {
			tobj_bool(o, "stale", true);
			stale++;
		}
	}
	tobj_int(v, "count", (long long)n);
	tobj_int(v, "stale_count", (long long)stale);
	tobj_int(v, "review_days", FAQ_REVIEW_DAYS);
	const struct fval *done = req_val(rq, K_DONE);
	if (done->present)
		tobj_str(v, "notice",
		         T(rq, strcmp(done->s, "published") == 0   ? "svc_published_notice"
		               : strcmp(done->s, "withdrawn") == 0 ? "svc_withdrawn_notice"
		                                                   : "svc_saved"));
	rs->no_store = true;
	page_render(rq, rs, "services_admin", v);
}

/* ---- the sheet as editor fields and back ---- */

/* Lines of l (kind filter: "doc", "cond" or NULL for all) in language lang, one a line. */
static const char *lines_text(struct req *rq, const struct cd_line *l, size_t n, const char *kind, enum lang lang)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (kind && (!l[i].kind || strcmp(l[i].kind, kind) != 0))
			continue;
		buf_puts(&b, l[i].text[lang] ? l[i].text[lang] : "");
		buf_putc(&b, '\n');
	}
	const char *s = arena_strdup(rq->arena, b.len ? buf_str(&b) : "");
	buf_free(&b);
	return s;
}

static void sheet_to_vals(struct req *rq, const struct cd_service *s, const char **vals)
{
	static const int pairs[][2] = {{T_NAME_ZH, 0}, {T_SUM_ZH, 1},   {T_ELIG_ZH, 2},
	                               {T_FEE_ZH, 3},  {T_LEGAL_ZH, 4}, {T_NOTES_ZH, 5}};
	const char *const *texts[] = {s->name, s->summary, s->eligibility, s->fee, s->legal_basis, s->notes};
	vals[T_CODE] = s->code;
	vals[T_UNIT] = s->unit;
	vals[T_CAT] = s->category;
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		vals[pairs[i][0]] = texts[pairs[i][1]][LANG_ZH];
		vals[pairs[i][0] + 1] = texts[pairs[i][1]][LANG_EN];
	}
	vals[T_EXT] = s->contact_ext;
	for (int lang = 0; lang < LANG__MAX; lang++) {
		vals[T_CONDS_ZH + lang] = lines_text(rq, s->items, s->nitems, "cond", (enum lang)lang);
		vals[T_DOCS_ZH + lang] = lines_text(rq, s->items, s->nitems, "doc", (enum lang)lang);
		vals[T_STEPS_ZH + lang] = lines_text(rq, s->steps, s->nsteps, NULL, (enum lang)lang);
	}
	vals[T_DAYS] = arena_printf(rq->arena, "%lld", s->processing_days);
	vals[T_CORR] = arena_printf(rq->arena, "%lld", s->correction_days);
	vals[T_EXT_DAYS] = arena_printf(rq->arena, "%lld", s->ext_days);
	vals[T_NOTE] = "";
}

enum { SVC_MAX_LINES = 100 }; /* items (conditions and documents together), steps */

/* Splits text into its non-blank lines (CR dropped), into the arena. */
static size_t split_lines(struct req *rq, const char *text, const char ***out)
{
	size_t n = 0, cap = 8;
	const char **v = arena_alloc(rq->arena, cap * sizeof *v);
	for (const char *p = text; p && *p;) {
		size_t len = strcspn(p, "\n");
		size_t trimmed = len;
		while (trimmed && (p[trimmed - 1] == '\r' || p[trimmed - 1] == ' '))
			trimmed--;
		if (trimmed) {
			if (n == cap) {
				const char **w = arena_alloc(rq->arena, 2 * cap * sizeof *w);
				memcpy(w, v, cap * sizeof *v);
				v = w;
				cap *= 2;
			}
			v[n++] = arena_strndup(rq->arena, p, trimmed);
		}
		p += len + (p[len] == '\n');
	}
	*out = v;
	return n;
}

/*
 * Appends the lines of zh (and en, which must have as many lines or none)
 * to l as kind; false with *err set when en does not match.
 */
static bool add_lines(struct req *rq, const char *zh, const char *en, const char *kind, struct cd_line *l, size_t *n,
                      const char **err)
{
	const char **z, **e;
	size_t nz = split_lines(rq, zh, &z), ne = split_lines(rq, en, &e);
	if (ne && ne != nz) {
		*err = "svc_en_lines";
		return false;
	}
	if (*n + nz > SVC_MAX_LINES) {
		*err = "svc_too_many_lines";
		return false;
	}
	for (size_t i = 0; i < nz; i++)
		l[(*n)++] = (struct cd_line){.kind = kind, .text = {z[i], ne ? e[i] : NULL}};
	return true;
}

static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

/*
 * The posted fields into vals/errors and *out; old is the sheet as stored
 * (NULL for a new service): its publish state, order and static form files
 * are kept.  True when everything is acceptable.
 */
static bool check_form(struct req *rq, const struct cd_service *old, const char **vals, const char **errors,
                       struct cd_service *out)
{
	struct store *st = req_store(rq);
	for (int i = 0; i < NT; i++) {
		const struct fval *f = req_val(rq, text_fields[i]);
		vals[i] = f->s;
		errors[i] = f->err_key;
	}
	if (old) {
		vals[T_CODE] = old->code;
		errors[T_CODE] = NULL;
	} else if (!errors[T_CODE] && !*vals[T_CODE]) {
		errors[T_CODE] = "err_required";
	}
	if (content_own_unit(rq)) {
		vals[T_UNIT] = content_own_unit(rq);
		errors[T_UNIT] = NULL;
	}
	if (!errors[T_UNIT])
		errors[T_UNIT] = content_check_unit(rq, REC_SERVICE, vals[T_UNIT]);
	if (!errors[T_CAT]) {
		struct named_rec *cats;
		size_t nc;
		bool found = false;
		if (store_categories(st, rq->arena, &cats, &nc) == ERR_OK)
			for (size_t i = 0; i < nc && !found; i++)
				found = strcmp(cats[i].code, vals[T_CAT]) == 0;
		if (!found)
			errors[T_CAT] = "faq_bad_category";
	}
	*out = (struct cd_service){
	    .code = vals[T_CODE],
	    .unit = vals[T_UNIT],
	    .category = vals[T_CAT],
	    .published = old ? old->published : false,
	    .name = {vals[T_NAME_ZH], opt(vals[T_NAME_EN])},
	    .summary = {vals[T_SUM_ZH], opt(vals[T_SUM_EN])},
	    .eligibility = {vals[T_ELIG_ZH], opt(vals[T_ELIG_EN])},
	    .fee = {vals[T_FEE_ZH], opt(vals[T_FEE_EN])},
	    .legal_basis = {vals[T_LEGAL_ZH], opt(vals[T_LEGAL_EN])},
	    .notes = {vals[T_NOTES_ZH], opt(vals[T_NOTES_EN])},
	    .processing_days = req_val(rq, K_PROCESSING_DAYS)->i,
	    .immediate = req_val(rq, K_IMMEDIATE)->i != 0,
	    .correction_days = req_val(rq, K_CORRECTION_DAYS)->present ? req_val(rq, K_CORRECTION_DAYS)->i : 7,
	    .ext_days = req_val(rq, K_EXT_DAYS)->i, /* empty: 0, no extensions */
	    .contact_ext = vals[T_EXT],
	    .reviewed_on = clock_today_iso(rq->arena),
	    .updated_at = clock_now_iso(rq->arena),
	    .sort = old ? old->sort : 1000,
	};
	if (out->correction_days < 1)
		errors[T_CORR] = "svc_correction_days";
	if (errors[T_EXT_DAYS])
		errors[T_EXT_DAYS] = "svc_ext_days_range"; /* not a whole number, or above CATALOG_EXT_DAYS_MAX */
	/* items: conditions first, then documents; steps */
	out->items = arena_alloc(rq->arena, SVC_MAX_LINES * sizeof *out->items);
	out->steps = arena_alloc(rq->arena, SVC_MAX_LINES * sizeof *out->steps);
	if (!errors[T_CONDS_EN])
		add_lines(rq, vals[T_CONDS_ZH], vals[T_CONDS_EN], "cond", out->items, &out->nitems,
		          &errors[T_CONDS_EN]);
	if (!errors[T_DOCS_EN])
		add_lines(rq, vals[T_DOCS_ZH], vals[T_DOCS_EN], "doc", out->items, &out->nitems, &errors[T_DOCS_EN]);
	if (!errors[T_STEPS_EN])
		add_lines(rq, vals[T_STEPS_ZH], vals[T_STEPS_EN], NULL, out->steps, &out->nsteps, &errors[T_STEPS_EN]);
	/* forms: the sheet's files under static/ stay; uploaded forms as ticked */
	const struct fval *ticked = req_val(rq, K_FORMS);
	out->forms = arena_alloc(rq->arena, (MAX_MULTI + (old ? old->nforms : 0) + 1) * sizeof *out->forms);
	for (size_t i = 0; old && i < old->nforms; i++)
		if (old->forms[i].file)
			out->forms[out->nforms++] = old->forms[i];
	for (size_t i = 0; i < ticked->nmulti; i++) {
		struct form_rec f;
		if (store_form(st, rq->arena, ticked->multi[i], &f) == ERR_OK)
			out->forms[out->nforms++] =
			    (struct cd_line){.text = {f.title[LANG_ZH], f.title[LANG_EN]}, .form = f.code};
	}
	bool ok = true;
	for (int i = 0; i < NT; i++)
		ok &= !errors[i];
	return ok;
}

/* ---- the preview: a sheet in both languages (editor and version history) ---- */

static void preview_lines(struct tobj *o, const char *name, const struct cd_line *l, size_t n, enum lang lang)
{
	struct tlist *list = tobj_list(o, name);
	for (size_t i = 0; i < n; i++) {
		struct tobj *x = tlist_obj(list);
		tobj_str(x, "text", l[i].text[lang] ? l[i].text[lang] : l[i].text[LANG_ZH]);
		tobj_bool(x, "is_cond", l[i].kind && strcmp(l[i].kind, "cond") == 0);
	}
}

static void sheet_preview(struct tobj *v, const struct cd_service *s)
{
	static const char *const tags[] = {"zh-Hant", "en"};
	struct tlist *l = tobj_list(v, "previews");
	for (int lang = 0; lang < LANG__MAX; lang++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "lang", tags[lang]);
		tobj_bool(o, "is_en", lang == LANG_EN);
#define TXT(field) (s->field[lang] ? s->field[lang] : s->field[LANG_ZH])
		tobj_str(o, "name", TXT(name));
		tobj_str(o, "summary", TXT(summary));
		tobj_str(o, "eligibility", TXT(eligibility));
		tobj_str(o, "fee", TXT(fee));
		tobj_str(o, "legal_basis", TXT(legal_basis));
		tobj_str(o, "notes", TXT(notes));
#undef TXT
		tobj_int(o, "days", s->processing_days);
		tobj_bool(o, "immediate", s->immediate);
		preview_lines(o, "items", s->items, s->nitems, (enum lang)lang);
		preview_lines(o, "steps", s->steps, s->nsteps, (enum lang)lang);
		preview_lines(o, "forms", s->forms, s->nforms, (enum lang)lang);
	}
}

/* ---- the editor ---- */

static void edit_page(struct req *rq, struct resp *rs, int status, const struct cd_service *old, const char **vals,
                      const char **errors, const char *version, const struct cd_service *preview,
                      const char *form_error)
{
	struct store *st = req_store(rq);
	bool is_new = old == NULL;
	struct tobj *v = view_new(rq, T(rq, is_new ? "svc_new_title" : "svc_edit_title"));
	tobj_bool(v, "is_new", is_new);
	tobj_str(v, "version", version);
	tobj_str(v, "action", is_new ? url(rq, "/staff/services/new") : url(rq, "/staff/services/%s/edit", old->code));
	if (!is_new) {
		tobj_str(v, "code_fixed", old->code);
		tobj_str(v, "public_href", url(rq, "/services/%s", old->code));
		tobj_str(v, "history_href", url(rq, "/staff/services/%s/history", old->code));
	}
	bool any = false;
	for (int i = 0; i < NT; i++) {
		tobj_str(v, key_name(text_fields[i]), vals[i] ? vals[i] : "");
		if (errors && errors[i]) {
			view_field_error(rq, v, key_name(text_fields[i]), T(rq, errors[i]));
			any = true;
		}
	}
	if (form_error) {
		tobj_str(v, "form_error", T(rq, form_error));
		any = true;
	}
	tobj_bool(v, "has_errors", any);
	const struct fval *imm = req_val(rq, K_IMMEDIATE);
	tobj_bool(v, "immediate", req_val(rq, K_NAME_ZH)->present ? imm->i != 0 : old && old->immediate);
	content_unit_options(rq, v, vals[T_UNIT]);
	struct named_rec *cats;
	size_t nc;
	if (store_categories(st, rq->arena, &cats, &nc) == ERR_OK) {
		struct tlist *l = tobj_list(v, "categories");
		for (size_t i = 0; i < nc; i++) {
			struct tobj *o = tlist_obj(l);
			tobj_str(o, "value", cats[i].code);
			tobj_str(o, "label", pick(rq, cats[i].name));
			tobj_bool(o, "selected", vals[T_CAT] && strcmp(vals[T_CAT], cats[i].code) == 0);
		}
	}
	/* uploaded forms of every unit may be named on a sheet (a 委託書 serves many) */
	struct form_rec *forms;
	size_t nf;
	const struct cd_service *shown = preview ? preview : old;
	if (store_forms(st, rq->arena, NULL, &forms, &nf) == ERR_OK) {
		struct tlist *l = tobj_list(v, "forms");
		for (size_t i = 0; i < nf; i++) {
			struct tobj *o = tlist_obj(l);
			tobj_str(o, "value", forms[i].code);
			view_text(rq, o, "label", forms[i].title);
			tobj_str(o, "type", forms[i].type);
			bool on = false;
			for (size_t k = 0; shown && k < shown->nforms && !on; k++)
				on = shown->forms[k].form && strcmp(shown->forms[k].form, forms[i].code) == 0;
			tobj_bool(o, "checked", on);
		}
	}
	if (preview)
		sheet_preview(v, preview);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "service_edit", v);
}

void h_service_new_form(struct req *rq, struct resp *rs)
{
	const char *vals[NT] = {0};
	vals[T_UNIT] = content_own_unit(rq);
	vals[T_DAYS] = "0";
	vals[T_CORR] = "7";
	vals[T_EXT_DAYS] = "0";
	edit_page(rq, rs, 200, NULL, vals, NULL, NULL, NULL, NULL);
}

/* Loads the service named in the path that the person may edit; false when rs holds the answer. */
static bool load(struct req *rq, struct resp *rs, struct cd_service *s, long long *rev)
{
	struct store *st = req_store(rq);
	enum err e = store_service_doc(st, rq->arena, req_cap(rq, 0), s);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_no_service");
		return false;
	}
	if (!content_may_edit(rq, REC_SERVICE, s->unit)) {
		page_error(rq, rs, 403, "content_not_your_unit");
		return false;
	}
	struct service_admin_rec *all;
	size_t n;
	*rev = 0;
	if (store_services_admin(st, rq->arena, s->unit, &all, &n) == ERR_OK)
		for (size_t i = 0; i < n; i++)
			if (strcmp(all[i].code, s->code) == 0)
				*rev = all[i].rev;
	return true;
}

void h_service_edit_form(struct req *rq, struct resp *rs)
{
	struct cd_service s;
	long long rev;
	if (!load(rq, rs, &s, &rev))
		return;
	const char *vals[NT];
	sheet_to_vals(rq, &s, vals);
	edit_page(rq, rs, 200, &s, vals, NULL, arena_printf(rq->arena, "%lld", rev), NULL, NULL);
}

/*
 * Saves sheet s (old: as stored, NULL when new; rev: the revision the
 * editor started from) with its version and audit row in one transaction.
 */
static enum err save(struct req *rq, const struct cd_service *s, const struct cd_service *old, long long rev)
{
	struct store *st = req_store(rq);
	enum err e = store_begin(st);
	if (e == ERR_OK && old) {
		struct service_admin_rec *all;
		size_t n;
		long long now = -1;
		e = store_services_admin(st, rq->arena, old->unit, &all, &n);
		for (size_t i = 0; e == ERR_OK && i < n; i++)
			if (strcmp(all[i].code, old->code) == 0)
				now = all[i].rev;
		if (e == ERR_OK && now != rev)
			e = ERR_CONFLICT; /* someone saved in between */
	}
	if (e == ERR_OK && !old) {
		struct cd_service taken;
		if (store_service_doc(st, rq->arena, s->code, &taken) != ERR_NOTFOUND)
			e = ERR_CONFLICT;
	}
	store_fail(st, e); /* a stale revision or a taken code writes nothing */
	const char *note = req_val(rq, K_NOTE)->s;
	store_service_put(st, rq->arena, s, rq->sess->user.username, s->updated_at, note, NULL);
	content_audit(rq, old ? "service_update" : "service_create", arena_printf(rq->arena, "service:%s", s->code),
	              *note ? note : s->name[LANG_ZH]);
	return store_finish(st);
}

static void submit(struct req *rq, struct resp *rs, const struct cd_service *old, long long rev)
{
	const char *vals[NT], *errors[NT];
	struct cd_service s;
	const char *version = old ? arena_printf(rq->arena, "%lld", rev) : NULL;
	bool ok = check_form(rq, old, vals, errors, &s);
	if (!ok || req_val(rq, K_PREVIEW)->present) {
		edit_page(rq, rs, ok ? 200 : 422, old, vals, errors, version, ok ? &s : NULL, NULL);
		return;
	}
	const struct fval *vf = req_val(rq, K_VERSION);
	long long want = old ? strtoll(vf->s, NULL, 10) : 0;
	enum err e = save(rq, &s, old, want);
	if (e == ERR_CONFLICT) {
		if (!old)
			errors[T_CODE] = "svc_code_taken";
		edit_page(rq, rs, 409, old, vals, errors, version, NULL, old ? "svc_conflict" : NULL);
	} else if (e != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
	} else {
		page_redirect(rq, rs, url(rq, "/staff/services?done=saved"));
	}
}

void h_service_create(struct req *rq, struct resp *rs)
{
	if (!req_store(rq)) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	submit(rq, rs, NULL, 0);
}

void h_service_update(struct req *rq, struct resp *rs)
{
	struct cd_service s;
	long long rev;
	if (load(rq, rs, &s, &rev))
		submit(rq, rs, &s, rev);
}

void h_service_publish(struct req *rq, struct resp *rs)
{
	struct cd_service s;
	long long rev;
	if (!load(rq, rs, &s, &rev))
		return;
	bool on = req_val(rq, K_PUBLISHED)->i != 0;
	struct store *st = req_store(rq);
	store_begin(st);
	store_service_publish(st, s.code, on, rq->sess->user.username, clock_now_iso(rq->arena));
	content_audit(rq, on ? "service_publish" : "service_withdraw", arena_printf(rq->arena, "service:%s", s.code),
	              s.name[LANG_ZH]);
	enum err e = store_finish(st);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_no_service");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/services?done=%s", on ? "published" : "withdrawn"));
}

/* ---- history ---- */

void h_service_history(struct req *rq, struct resp *rs)
{
	struct cd_service s;
	long long rev;
	if (!load(rq, rs, &s, &rev))
		return;
	struct service_version_rec *vs;
	size_t n;
	if (store_service_versions(req_store(rq), rq->arena, s.code, &vs, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "svc_history_title"));
	view_text(rq, v, "name", s.name);
	tobj_str(v, "edit_href", url(rq, "/staff/services/%s/edit", s.code));
	struct tlist *l = tobj_list(v, "versions");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_int(o, "rev", vs[i].rev);
		tobj_str(o, "saved_by", vs[i].saved_by);
		tobj_str(o, "saved_at", view_time(rq, vs[i].saved_at));
		tobj_str(o, "note", vs[i].note);
		tobj_bool(o, "current", i == 0);
		tobj_str(o, "href", url(rq, "/staff/services/%s/history/%lld", s.code, vs[i].rev));
	}
	rs->no_store = true;
	page_render(rq, rs, "service_history", v);
}

void h_service_version(struct req *rq, struct resp *rs)
{
	struct cd_service s;
	long long rev;
	if (!load(rq, rs, &s, &rev))
		return;
	char *end;
	long long want = strtoll(req_cap(rq, 1), &end, 10);
	struct service_version_rec ver;
	enum err e =
	    *end || want <= 0 ? ERR_NOTFOUND : store_service_version(req_store(rq), rq->arena, s.code, want, &ver);
	json_error_t je;
	json_t *sheet = e == ERR_OK ? json_loads(ver.sheet, 0, &je) : NULL;
	struct jread r;
	jread_init(&r, "version");
	struct cd_service old;
	if (e == ERR_OK && (!sheet || !catalog_service_read(sheet, &r, rq->arena, &old)))
		e = ERR_DB;
	jread_free(&r);
	if (e != ERR_OK) {
		json_decref(sheet);
		page_error_lookup(rq, rs, e, "err_not_found");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "svc_version_title"));
	tobj_int(v, "rev", ver.rev);
	tobj_str(v, "saved_by", ver.saved_by);
	tobj_str(v, "saved_at", view_time(rq, ver.saved_at));
	tobj_str(v, "note", ver.note);
	tobj_str(v, "history_href", url(rq, "/staff/services/%s/history", s.code));
	sheet_preview(v, &old);
	rs->no_store = true;
	page_render(rq, rs, "service_version", v);
	json_decref(sheet); /* the page is rendered: the view no longer borrows the sheet's strings */
}
