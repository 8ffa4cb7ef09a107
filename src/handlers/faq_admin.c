/*
 * faq_admin.c -- staff keep the FAQ fresh: the list with entries due for
 * review, new entries, editing (Markdown, Chinese and English, unit and
 * category) and deletion with a confirmation page.  Administrators edit
 * every entry; unit officers and heads only their own unit's.  Every save
 * is a review: it records who and when, sets reviewed_on to today, and
 * writes an audit row in the same transaction (the search index follows by
 * trigger, sql/migrations/005-search.sql).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cal.h"
#include "domain/clock.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/catalog.h"
#include "store/petitions.h" /* store_categories */
#include "store/staff.h"

/* The editor's fields, in form order. */
static const enum key edit_fields[] = {K_SLUG,      K_UNIT,        K_CATEGORY,  K_QUESTION_ZH,
                                       K_ANSWER_ZH, K_QUESTION_EN, K_ANSWER_EN, K_KEYWORDS_ZH};
enum { NFIELDS = sizeof edit_fields / sizeof edit_fields[0] };
enum { F_SLUG_I, F_UNIT_I, F_CATEGORY_I, F_QZH_I, F_AZH_I, F_QEN_I, F_AEN_I, F_KW_I };

/* An ISO day more than FAQ_REVIEW_DAYS before today? */
static bool is_stale(const char *reviewed_on)
{
	int32_t d;
	return !reviewed_on || !cal_parse_iso(reviewed_on, &d) || clock_office_day(clock_now()) - d > FAQ_REVIEW_DAYS;
}

/* ---- the list ---- */

void h_faq_admin_list(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct faq_rec *f;
	size_t n;
	if (store_faqs(st, rq->arena, content_own_unit(rq), NULL, &f, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "faq_admin_title"));
	struct tlist *groups = tobj_list(v, "units");
	struct tlist *cur = NULL;
	const char *cur_unit = NULL;
	size_t stale = 0;
	for (size_t i = 0; i < n; i++) {
		if (!cur_unit || strcmp(cur_unit, f[i].unit.code) != 0) {
			struct tobj *g = tlist_obj(groups);
			view_text(rq, g, "unit_name", f[i].unit.name);
			cur = tobj_list(g, "entries");
			cur_unit = f[i].unit.code;
		}
		struct tobj *o = tlist_obj(cur);
		view_text(rq, o, "question", f[i].question);
		view_text(rq, o, "category", f[i].category.name);
		tobj_str(o, "slug", f[i].slug);
		tobj_str(o, "href", url(rq, "/faq/%s", f[i].slug));
		tobj_str(o, "edit_href", url(rq, "/staff/faq/%s/edit", f[i].slug));
		tobj_str(o, "delete_href", url(rq, "/staff/faq/%s/delete", f[i].slug));
		tobj_str(o, "reviewed_on", f[i].reviewed_on);
		tobj_str(o, "reviewed", view_date(rq, f[i].reviewed_on));
		tobj_bool(o, "has_en", f[i].question[LANG_EN] && *f[i].question[LANG_EN]);
		if (is_stale(f[i].reviewed_on)) {
			tobj_bool(o, "stale", true);
			stale++;
		}
	}
	tobj_int(v, "count", (long long)n);
	tobj_int(v, "stale_count", (long long)stale);
	tobj_int(v, "review_days", FAQ_REVIEW_DAYS);
	const struct fval *done = req_val(rq, K_DONE);
	if (done->present) {
		if (strcmp(done->s, "saved") == 0)
			tobj_str(v, "notice", T(rq, "faq_saved"));
		else if (strcmp(done->s, "deleted") == 0)
			tobj_str(v, "notice", T(rq, "faq_deleted"));
	}
	rs->no_store = true;
	page_render(rq, rs, "faq_edit_list", v);
}

/* ---- the form ---- */

/*
 * Renders the editor.  vals are the fields' current texts (NULL: empty),
 * errors their refusals' string keys (NULL: fine); version is the entry's
 * revision when editing (NULL for a new entry).
 */
static void edit_form(struct req *rq, struct resp *rs, int status, const char *slug, const char *const *vals,
                      const char *const *errors, const char *version, const char *form_error)
{
	struct store *st = req_store(rq);
	bool is_new = version == NULL;
	struct tobj *v = view_new(rq, T(rq, is_new ? "faq_new_title" : "faq_edit_title"));
	tobj_bool(v, "is_new", is_new);
	tobj_str(v, "version", version);
	tobj_str(v, "action", is_new ? url(rq, "/staff/faq/new") : url(rq, "/staff/faq/%s/edit", slug));
	if (!is_new) {
		tobj_str(v, "public_href", url(rq, "/faq/%s", slug));
		tobj_str(v, "slug_fixed", slug);
	}
	bool any = false;
	for (int i = 0; i < NFIELDS; i++) {
		tobj_str(v, key_name(edit_fields[i]), vals[i] ? vals[i] : "");
		if (errors && errors[i]) {
			view_field_error(rq, v, key_name(edit_fields[i]), T(rq, errors[i]));
			any = true;
		}
	}
	if (form_error) {
		tobj_str(v, "form_error", T(rq, form_error));
		any = true;
	}
	tobj_bool(v, "has_errors", any);

	/* units: an officer's own unit is fixed */
	const char *own = content_own_unit(rq);
	struct unit_rec *units;
	size_t nu;
	if (store_units(st, rq->arena, &units, &nu) == ERR_OK) {
		struct tlist *l = tobj_list(v, "units");
		for (size_t i = 0; i < nu; i++) {
			if (own && strcmp(own, units[i].code) != 0)
				continue;
			struct tobj *o = tlist_obj(l);
			tobj_str(o, "value", units[i].code);
			tobj_str(o, "label", pick(rq, units[i].name));
			tobj_bool(o, "selected", vals[F_UNIT_I] && strcmp(vals[F_UNIT_I], units[i].code) == 0);
		}
	}
	struct named_rec *cats;
	size_t ncat;
	if (store_categories(st, rq->arena, &cats, &ncat) == ERR_OK) {
		struct tlist *l = tobj_list(v, "categories");
		for (size_t i = 0; i < ncat; i++) {
			struct tobj *o = tlist_obj(l);
			tobj_str(o, "value", cats[i].code);
			tobj_str(o, "label", pick(rq, cats[i].name));
			tobj_bool(o, "selected", vals[F_CATEGORY_I] && strcmp(vals[F_CATEGORY_I], cats[i].code) == 0);
		}
	}
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "faq_edit", v);
}

void h_faq_new_form(struct req *rq, struct resp *rs)
{
	const char *vals[NFIELDS] = {0};
	vals[F_UNIT_I] = content_own_unit(rq);
	edit_form(rq, rs, 200, NULL, vals, NULL, NULL, NULL);
}

/* Loads the entry named in the path that the user may edit; false when rs holds the answer. */
static bool load_entry(struct req *rq, struct resp *rs, struct store *st, struct faq_rec *f, struct faq_meta *m)
{
	const char *slug = req_cap(rq, 0);
	enum err e = store_faq(st, rq->arena, slug, f);
	if (e == ERR_OK)
		e = store_faq_meta(st, rq->arena, slug, m);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_no_faq");
		return false;
	}
	if (!content_may_edit(rq, REC_FAQ, f->unit.code)) {
		page_error(rq, rs, 403, "faq_not_your_unit");
		return false;
	}
	return true;
}

void h_faq_edit_form(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct faq_rec f;
	struct faq_meta m;
	if (!load_entry(rq, rs, st, &f, &m))
		return;
	const char *vals[NFIELDS] = {
	    f.slug,
	    f.unit.code,
	    f.category.code,
	    f.question[LANG_ZH],
	    f.answer[LANG_ZH],
	    f.question[LANG_EN],
	    f.answer[LANG_EN],
	    m.keywords_zh,
	};
	edit_form(rq, rs, 200, f.slug, vals, NULL, arena_printf(rq->arena, "%lld", m.rev), NULL);
}

/*
 * Checks the posted editor fields into vals/errors and *out.  unit_fixed,
 * when not NULL, replaces whatever unit was posted.  Returns true when all
 * are acceptable.
 */
static bool check_form(struct req *rq, struct store *st, bool is_new, const char *unit_fixed, const char **vals,
                       const char **errors, struct faq_edit *out)
{
	bool ok = true;
	for (int i = 0; i < NFIELDS; i++) {
		const struct fval *f = req_val(rq, edit_fields[i]);
		vals[i] = f->s;
		errors[i] = i == F_SLUG_I && !is_new ? NULL : f->err_key; /* an entry's slug never changes */
	}
	if (unit_fixed) {
		vals[F_UNIT_I] = unit_fixed;
		errors[F_UNIT_I] = NULL;
	}
	if (is_new && !req_val(rq, K_SLUG)->present && !errors[F_SLUG_I])
		errors[F_SLUG_I] = "err_required";
	if (!errors[F_UNIT_I]) {
		bool found = false;
		struct unit_rec *units;
		size_t nu;
		if (store_units(st, rq->arena, &units, &nu) == ERR_OK)
			for (size_t i = 0; i < nu && !found; i++)
				found = strcmp(units[i].code, vals[F_UNIT_I]) == 0;
		if (!found)
			errors[F_UNIT_I] = *vals[F_UNIT_I] ? "faq_bad_unit" : "err_required";
		else if (!content_may_edit(rq, REC_FAQ, vals[F_UNIT_I]))
			errors[F_UNIT_I] = "faq_not_your_unit";
	}
	if (!errors[F_CATEGORY_I]) {
		bool found = false;
		struct named_rec *cats;
		size_t nc;
		if (store_categories(st, rq->arena, &cats, &nc) == ERR_OK)
			for (size_t i = 0; i < nc && !found; i++)
				found = strcmp(cats[i].code, vals[F_CATEGORY_I]) == 0;
		if (!found)
			errors[F_CATEGORY_I] = "faq_bad_category";
	}
	/* English: both question and answer, or neither */
	bool qen = req_val(rq, K_QUESTION_EN)->present, aen = req_val(rq, K_ANSWER_EN)->present;
	if (qen != aen && !errors[F_QEN_I] && !errors[F_AEN_I])
		errors[qen ? F_AEN_I : F_QEN_I] = "faq_en_pair";
	for (int i = 0; i < NFIELDS; i++)
		ok &= !errors[i];
	*out = (struct faq_edit){
	    .slug = vals[F_SLUG_I],
	    .unit = vals[F_UNIT_I],
	    .category = vals[F_CATEGORY_I],
	    .question = {vals[F_QZH_I], qen ? vals[F_QEN_I] : NULL},
	    .answer = {vals[F_AZH_I], aen ? vals[F_AEN_I] : NULL},
	    .keywords_zh = vals[F_KW_I],
	    .reviewed_on = clock_today_iso(rq->arena),
	    .updated_by = rq->sess->user.username,
	    .updated_at = clock_now_iso(rq->arena),
	};
	return ok;
}

void h_faq_create(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *vals[NFIELDS], *errors[NFIELDS];
	struct faq_edit f;
	if (!check_form(rq, st, true, content_own_unit(rq), vals, errors, &f)) {
		edit_form(rq, rs, 422, NULL, vals, errors, NULL, NULL);
		return;
	}
	long long id = 0;
	store_begin(st);
	store_faq_create(st, &f, &id);
	store_audit(st, rq->sess->user.id, rq->sess->user.username, "faq_create",
	            arena_printf(rq->arena, "faq:%s", f.slug), f.question[LANG_ZH], rq->remote_addr);
	enum err e = store_finish(st);
	if (e != ERR_OK) {
		if (e == ERR_CONFLICT) {
			errors[F_SLUG_I] = "faq_slug_taken";
			edit_form(rq, rs, 409, NULL, vals, errors, NULL, NULL);
		} else {
			page_error(rq, rs, 503, "err_unavailable");
		}
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/faq?done=saved"));
}

void h_faq_update(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct faq_rec old;
	struct faq_meta m;
	if (!load_entry(rq, rs, st, &old, &m))
		return;
	const char *vals[NFIELDS], *errors[NFIELDS];
	struct faq_edit f;
	const char *own = content_own_unit(rq);
	bool ok = check_form(rq, st, false, own, vals, errors, &f);
	vals[F_SLUG_I] = old.slug;
	errors[F_SLUG_I] = NULL;
	const struct fval *vf = req_val(rq, K_VERSION);
	char *end;
	long long rev = strtoll(vf->s, &end, 10);
	if (!vf->present || *end || rev <= 0)
		rev = -1; /* no or bad version: refused below as a conflict */
	if (!ok) {
		edit_form(rq, rs, 422, old.slug, vals, errors, arena_printf(rq->arena, "%lld", rev > 0 ? rev : m.rev),
		          NULL);
		return;
	}
	store_begin(st);
	store_faq_update(st, m.id, rev, &f);
	store_audit(st, rq->sess->user.id, rq->sess->user.username, "faq_update",
	            arena_printf(rq->arena, "faq:%s", old.slug), f.question[LANG_ZH], rq->remote_addr);
	enum err e = store_finish(st);
	if (e != ERR_OK) {
		if (e == ERR_CONFLICT) {
			/* someone saved in between: show their version's stamp, keep this text */
			struct faq_meta now;
			long long cur = store_faq_meta(st, rq->arena, old.slug, &now) == ERR_OK ? now.rev : m.rev;
			edit_form(rq, rs, 409, old.slug, vals, errors, arena_printf(rq->arena, "%lld", cur),
			          "faq_conflict");
		} else {
			page_error_lookup(rq, rs, e, "err_no_faq");
		}
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/faq?done=saved"));
}

/* ---- deleting ---- */

void h_faq_delete_form(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct faq_rec f;
	struct faq_meta m;
	if (!load_entry(rq, rs, st, &f, &m))
		return;
	struct tobj *v = view_new(rq, T(rq, "faq_delete_title"));
	view_text(rq, v, "question", f.question);
	view_text(rq, v, "unit_name", f.unit.name);
	view_text(rq, v, "category", f.category.name);
	tobj_str(v, "slug", f.slug);
	tobj_str(v, "public_href", url(rq, "/faq/%s", f.slug));
	tobj_str(v, "action", url(rq, "/staff/faq/%s/delete", f.slug));
	rs->no_store = true;
	page_render(rq, rs, "faq_edit_delete", v);
}

void h_faq_delete(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct faq_rec f;
	struct faq_meta m;
	if (!load_entry(rq, rs, st, &f, &m))
		return;
	store_begin(st);
	store_faq_delete(st, m.id);
	store_audit(st, rq->sess->user.id, rq->sess->user.username, "faq_delete",
	            arena_printf(rq->arena, "faq:%s", f.slug), f.question[LANG_ZH], rq->remote_addr);
	enum err e = store_finish(st);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_no_faq");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/faq?done=deleted"));
}
