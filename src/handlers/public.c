/*
 * public.c -- the citizen's pages about the office: home, the service
 * catalog and each service's one-time notice sheet (一次告知單), the
 * processing-time table, units, FAQ and news.  Same page for every visitor,
 * so the dispatcher may cache them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/view.h"
#include "domain/clock.h"
#include "handlers/handlers.h"
#include "store/catalog.h"

static void unit_view(struct req *rq, struct tobj *o, const struct unit_rec *u)
{
	tobj_str(o, "unit_code", u->code);
	view_text(rq, o, "unit_name", u->name);
	view_text(rq, o, "unit_duties", u->duties);
	view_text(rq, o, "unit_location", u->location);
	tobj_str(o, "unit_phone", u->phone);
	tobj_str(o, "unit_email", u->email);
}

/* The days a service takes, as a phrase ("當場核發" / "7 working days"). */
static const char *days_phrase(struct req *rq, const struct service_rec *s)
{
	if (s->immediate)
		return T(rq, "svc_immediate");
	if (s->processing_days == 0)
		return T(rq, "svc_same_day");
	return arena_printf(rq->arena, "%d %s", s->processing_days, T(rq, "svc_working_days"));
}

static void service_summary_view(struct req *rq, struct tobj *o, const struct service_rec *s)
{
	tobj_str(o, "code", s->code);
	tobj_str(o, "href", url(rq, "/services/%s", s->code));
	view_text(rq, o, "name", s->name);
	view_text(rq, o, "summary", s->summary);
	view_text(rq, o, "fee", s->fee);
	view_text(rq, o, "category", s->category.name);
	tobj_str(o, "days", days_phrase(rq, s));
	tobj_bool(o, "immediate", s->immediate);
}

/*
 * Groups services (sorted by unit) under their units: list "units", each
 * with unit fields and a "services" list.
 */
static void services_by_unit(struct req *rq, struct tobj *v, const struct service_rec *svc, size_t n)
{
	struct tlist *units = tobj_list(v, "units");
	struct tlist *cur = NULL;
	const char *cur_code = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!cur_code || strcmp(cur_code, svc[i].unit.code) != 0) {
			struct tobj *u = tlist_obj(units);
			unit_view(rq, u, &svc[i].unit);
			cur = tobj_list(u, "services");
			cur_code = svc[i].unit.code;
		}
		service_summary_view(rq, tlist_obj(cur), &svc[i]);
	}
}

void h_home(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct tobj *v = view_new(rq, view_setting(rq, SET_SITE_NAME_ZH));
	tobj_bool(v, "is_home", true);
	struct service_rec *svc;
	size_t n;
	if (store_services(st, rq->arena, &svc, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	services_by_unit(rq, v, svc, n);
	tobj_int(v, "service_count", (long long)n);
	struct news_rec *news;
	size_t nn;
	if (store_news(st, rq->arena, clock_now_iso(rq->arena), 5, &news, &nn) == ERR_OK) {
		struct tlist *l = tobj_list(v, "news");
		for (size_t i = 0; i < nn; i++) {
			struct tobj *o = tlist_obj(l);
			view_text(rq, o, "title", news[i].title);
			tobj_str(o, "href", url(rq, "/news/%lld", news[i].id));
			tobj_str(o, "date", arena_strndup(rq->arena, news[i].published_at, 10));
		}
	}
	page_render(rq, rs, "home", v);
}

/* Every service grouped by unit, as template tmpl shows them (the catalog, the processing times). */
static void services_page(struct req *rq, struct resp *rs, const char *title_key, const char *tmpl)
{
	struct store *st = req_store(rq);
	struct service_rec *svc;
	size_t n;
	if (store_services(st, rq->arena, &svc, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, title_key));
	services_by_unit(rq, v, svc, n);
	page_render(rq, rs, tmpl, v);
}

void h_services(struct req *rq, struct resp *rs)
{
	services_page(rq, rs, "services_title", "services");
}

static void lines_view(struct req *rq, struct tobj *v, const char *name, const struct service_line *l, size_t n)
{
	struct tlist *list = tobj_list(v, name);
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(list);
		tobj_int(o, "seq", l[i].seq);
		view_text(rq, o, "text", l[i].text);
		tobj_bool(o, "is_cond", l[i].kind && strcmp(l[i].kind, "cond") == 0);
		if (l[i].file)
			tobj_str(o, "href", arena_printf(rq->arena, "/static/%s", l[i].file));
		else if (l[i].form)
			tobj_str(o, "href", url(rq, "/forms/%s", l[i].form));
	}
}

/*
 * Fills v with everything a service's notice sheet shows; shared with the
 * per-case notice sheet so both print the same facts.  Returns ERR_OK or
 * ERR_NOTFOUND.
 */
static enum err service_sheet_view(struct req *rq, struct store *st, const char *code, struct tobj *v,
                                   struct service_rec *out)
{
	struct service_rec s;
	enum err e = store_service(st, rq->arena, code, &s);
	if (e != ERR_OK)
		return e;
	if (!s.published && !rq->sess)
		return ERR_NOTFOUND; /* withdrawn: staff still print it for the cases that have it */
	service_summary_view(rq, v, &s);
	view_text(rq, v, "eligibility", s.eligibility);
	view_text(rq, v, "legal_basis", s.legal_basis);
	view_text(rq, v, "notes", s.notes);
	tobj_int(v, "correction_days", s.correction_days);
	tobj_str(v, "contact_ext", s.contact_ext);
	tobj_str(v, "updated", arena_strndup(rq->arena, s.updated_at ? s.updated_at : "", 10));
	unit_view(rq, v, &s.unit);
	struct service_line *l;
	size_t n;
	if (store_service_items(st, rq->arena, s.id, &l, &n) == ERR_OK)
		lines_view(rq, v, "items", l, n);
	if (store_service_steps(st, rq->arena, s.id, &l, &n) == ERR_OK)
		lines_view(rq, v, "steps", l, n);
	if (store_service_forms(st, rq->arena, s.id, &l, &n) == ERR_OK)
		lines_view(rq, v, "forms", l, n);
	if (out)
		*out = s;
	return ERR_OK;
}

void h_service(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct tobj *v = view_new(rq, NULL);
	struct service_rec s;
	enum err e = service_sheet_view(rq, st, req_cap(rq, 0), v, &s);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_no_service");
		return;
	}
	tobj_str(v, "title", arena_printf(rq->arena, "%s %s", pick(rq, s.name), T(rq, "notice_sheet")));
	page_render(rq, rs, "service", v);
}

void h_processing_times(struct req *rq, struct resp *rs)
{
	services_page(rq, rs, "times_title", "processing_times");
}

void h_units(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct unit_rec *u;
	size_t n;
	struct service_rec *svc;
	size_t ns;
	if (store_units(st, rq->arena, &u, &n) != ERR_OK || store_services(st, rq->arena, &svc, &ns) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "units_title"));
	struct tlist *l = tobj_list(v, "units");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		unit_view(rq, o, &u[i]);
		struct tlist *sl = tobj_list(o, "services");
		for (size_t k = 0; k < ns; k++)
			if (strcmp(svc[k].unit.code, u[i].code) == 0)
				service_summary_view(rq, tlist_obj(sl), &svc[k]);
	}
	page_render(rq, rs, "units", v);
}

/* Links that filter the FAQ by one category or unit, with entry counts. */
static void filter_links(struct req *rq, struct tlist *l, const char *param, const struct named_rec *r,
                         const int *counts, size_t n, const struct fval *current)
{
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		view_text(rq, o, "name", r[i].name);
		tobj_int(o, "count", counts[i]);
		tobj_str(o, "href", url(rq, "/faq?%s=%s", param, r[i].code));
		tobj_bool(o, "current", current->present && strcmp(current->s, r[i].code) == 0);
	}
}

void h_faq_list(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *unit = req_val(rq, K_UNIT), *cat = req_val(rq, K_CATEGORY);
	struct faq_rec *f;
	size_t n;
	struct named_rec *cats, *units;
	int *counts, *ucounts;
	size_t nc, nu;
	if (store_faqs(st, rq->arena, unit->present ? unit->s : NULL, cat->present ? cat->s : NULL, &f, &n) != ERR_OK ||
	    store_faq_categories(st, rq->arena, &cats, &counts, &nc) != ERR_OK ||
	    store_faq_units(st, rq->arena, &units, &ucounts, &nu) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "faq_title"));
	filter_links(rq, tobj_list(v, "categories"), "category", cats, counts, nc, cat);
	filter_links(rq, tobj_list(v, "units"), "unit", units, ucounts, nu, unit);
	/* entries grouped by category, in the store's order */
	struct tlist *groups = tobj_list(v, "groups");
	struct tlist *cur = NULL;
	const char *cur_code = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!cur_code || strcmp(cur_code, f[i].category.code) != 0) {
			struct tobj *g = tlist_obj(groups);
			view_text(rq, g, "name", f[i].category.name);
			view_text(rq, g, "unit_name", f[i].unit.name);
			cur = tobj_list(g, "entries");
			cur_code = f[i].category.code;
		}
		struct tobj *o = tlist_obj(cur);
		view_text(rq, o, "question", f[i].question);
		tobj_str(o, "href", url(rq, "/faq/%s", f[i].slug));
	}
	tobj_bool(v, "filtered", unit->present || cat->present);
	tobj_bool(v, "none", n == 0);
	page_render(rq, rs, "faq", v);
}

void h_faq_item(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct faq_rec f;
	enum err e = store_faq(st, rq->arena, req_cap(rq, 0), &f);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_no_faq");
		return;
	}
	struct tobj *v = view_new(rq, pick(rq, f.question));
	view_text(rq, v, "question", f.question);
	view_markdown(rq, v, "answer", f.answer);
	view_text(rq, v, "unit_name", f.unit.name);
	view_text(rq, v, "category", f.category.name);
	tobj_str(v, "category_href", url(rq, "/faq?category=%s", f.category.code));
	tobj_str(v, "reviewed_on", f.reviewed_on);
	page_render(rq, rs, "faq_item", v);
}

static void news_view(struct req *rq, struct tobj *o, const struct news_rec *n)
{
	view_text(rq, o, "title", n->title);
	tobj_str(o, "href", url(rq, "/news/%lld", n->id));
	tobj_str(o, "date", arena_strndup(rq->arena, n->published_at, 10));
}

void h_news_list(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct news_rec *news;
	size_t n;
	if (store_news(st, rq->arena, clock_now_iso(rq->arena), 50, &news, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "news_title"));
	struct tlist *l = tobj_list(v, "news");
	for (size_t i = 0; i < n; i++)
		news_view(rq, tlist_obj(l), &news[i]);
	page_render(rq, rs, "news", v);
}

void h_news_item(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct news_rec n;
	const char *id = req_cap(rq, 0);
	char *end;
	long long nid = strtoll(id, &end, 10);
	enum err e =
	    *end || nid <= 0 ? ERR_NOTFOUND : store_news_item(st, rq->arena, clock_now_iso(rq->arena), nid, &n);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_not_found");
		return;
	}
	struct tobj *v = view_new(rq, pick(rq, n.title));
	news_view(rq, v, &n);
	view_markdown(rq, v, "body", n.body);
	page_render(rq, rs, "news_item", v);
}

/* Policy and information pages: one template each, named about_<slug>. */
void h_about(struct req *rq, struct resp *rs)
{
	static const char *const pages[] = {"accessibility", "privacy", "security", "copyright", "personal-data"};
	const char *slug = req_cap(rq, 0);
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		if (strcmp(slug, pages[i]) != 0)
			continue;
		char key[48], tmpl[48];
		snprintf(key, sizeof key, "about_%s_title", slug);
		snprintf(tmpl, sizeof tmpl, "about_%s", slug);
		for (char *p = tmpl; *p; p++)
			if (*p == '-')
				*p = '_';
		for (char *p = key; *p; p++)
			if (*p == '-')
				*p = '_';
		struct tobj *v = view_new(rq, T(rq, key));
		page_render(rq, rs, tmpl, v);
		return;
	}
	page_error(rq, rs, 404, "err_not_found");
}

void h_healthz(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	bool ok = st && store_ping(st) == ERR_OK;
	rs->status = ok ? 200 : 503;
	rs->content_type = "text/plain; charset=utf-8";
	rs->no_store = true;
	buf_puts(&rs->body, ok ? "ok\n" : "database unavailable or not writable\n");
}
