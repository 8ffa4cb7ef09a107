/*
 * search.c -- one search box over services (their notice sheets), FAQ and
 * news: the citizen's results page (/search, /en/search), the hotline
 * console for staff (/staff/console: the same box also finds a caller's
 * cases, masked), and the synonym administration page.
 *
 * The store builds the MATCH expression (store/search.h); here the hits
 * become pages: grouped by kind, titles and snippets highlighted with
 * <mark> by cjk_snippet (which escapes the text itself).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/cjk.h"
#include "domain/ids.h"
#include "handlers/handlers.h"
#include "handlers/views.h"
#include "store/calendar.h"
#include "store/cases.h"
#include "store/catalog.h"
#include "store/deadlines.h"
#include "store/petitions.h"
#include "store/search.h"

enum {
	GROUP_MAX_HITS = 10, /* hits shown per kind on the results page */
	CONSOLE_DETAILS = 5, /* FAQ answers and service facts opened inline on the console */
};

/* The unit whose phone the "nothing found" page gives: it runs the 1F service desk. */
static const char SERVICE_DESK_UNIT[] = "secretariat";

/* Group headings, indexed by enum search_kind. */
static const char *const kind_keys[SEARCH_KIND__MAX] = {
    "search_kind_service", /* SEARCH_SERVICE */
    "search_kind_faq",     /* SEARCH_FAQ */
    "search_kind_news",    /* SEARCH_NEWS */
};

/*
 * The visitor's query: the field's text even when validation refused it
 * (too long, a control character, given twice: R_SOFT routes), cut to
 * SEARCH_MAX_CHARS characters; *cut tells whether anything was dropped.
 */
static const char *query_text(struct req *rq, bool *cut)
{
	const struct fval *f = req_val(rq, K_Q);
	const char *s = f->s ? f->s : "";
	size_t n = f->present || f->err_key ? strlen(s) : 0;
	const char *p = s + utf8_chars_len(s, n, SEARCH_MAX_CHARS), *end = s + n;
	*cut = p < end;
	/* nothing but spaces is no query */
	const char *t = s;
	while (t < p && (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\n'))
		t++;
	return t == p ? "" : arena_strndup(rq->arena, s, (size_t)(p - s));
}

static const char *hit_href(struct req *rq, const struct search_hit *h)
{
	switch (h->kind) {
	case SEARCH_SERVICE: return url(rq, "/services/%s", h->ref);
	case SEARCH_FAQ: return url(rq, "/faq/%s", h->ref);
	case SEARCH_NEWS: return url(rq, "/news/%s", h->ref);
	default: return url(rq, "/");
	}
}

/* Highlighted, escaped HTML for text; in a span with lang= when it is not in the page's language. */
static const char *highlight(struct req *rq, const char *text, enum lang lang, const struct cjk_terms *terms,
                             size_t max_chars)
{
	struct buf b;
	buf_init(&b);
	if (lang != rq->lang)
		buf_printf(&b, "<span lang=\"%s\">", lang == LANG_EN ? "en" : "zh-Hant");
	cjk_snippet(text, strlen(text), terms, max_chars, &b);
	if (lang != rq->lang)
		buf_puts(&b, "</span>");
	const char *r = arena_strndup(rq->arena, b.data ? b.data : "", b.len);
	buf_free(&b);
	return r;
}

/*
 * Fills v with the hits grouped by kind: list "groups" (kind, label, count,
 * "hits": href, title, snippet, meta), in the order of each kind's best hit.
 * Returns the number of hits shown.
 */
static size_t results_view(struct req *rq, struct tobj *v, const struct search_result *res)
{
	int order[SEARCH_KIND__MAX] = {0}, norder = 0;
	size_t count[SEARCH_KIND__MAX] = {0}, shown = 0;
	for (size_t i = 0; i < res->n; i++) {
		enum search_kind k = res->hits[i].kind;
		if (count[k]++ == 0)
			order[norder++] = (int)k;
	}
	struct tlist *groups = tobj_list(v, "groups");
	for (int g = 0; g < norder; g++) {
		enum search_kind k = (enum search_kind)order[g];
		struct tobj *go = tlist_obj(groups);
		tobj_str(go, "kind", search_kind_name(k));
		tobj_str(go, "label", T(rq, kind_keys[k]));
		tobj_int(go, "count", (long long)count[k]);
		struct tlist *hl = tobj_list(go, "hits");
		size_t in_group = 0;
		for (size_t i = 0; i < res->n && in_group < GROUP_MAX_HITS; i++) {
			const struct search_hit *h = &res->hits[i];
			if (h->kind != k)
				continue;
			struct tobj *o = tlist_obj(hl);
			tobj_str(o, "href", hit_href(rq, h));
			tobj_str(o, "ref", h->ref);
			tobj_html(o, "title", highlight(rq, h->title, h->lang, res->terms, 0));
			if (h->body && *h->body)
				tobj_html(o, "snippet", highlight(rq, h->body, h->lang, res->terms, CJK_SNIPPET_CHARS));
			if (h->kind == SEARCH_NEWS)
				tobj_str(o, "meta", view_date(rq, h->meta));
			else
				tobj_html(o, "meta", view_lang_html(rq, h->meta, h->lang));
			in_group++;
			shown++;
		}
		tobj_bool(go, "more", count[k] > in_group);
	}
	return shown;
}

/* What to offer when nothing was found: the FAQ topics and the service desk's phone. */
static void suggestions_view(struct req *rq, struct store *st, struct tobj *v)
{
	struct named_rec *cats;
	int *counts;
	size_t nc;
	if (store_faq_categories(st, rq->arena, &cats, &counts, &nc) == ERR_OK) {
		struct tlist *l = tobj_list(v, "categories");
		for (size_t i = 0; i < nc; i++) {
			struct tobj *o = tlist_obj(l);
			view_text(rq, o, "name", cats[i].name);
			tobj_int(o, "count", counts[i]);
			tobj_str(o, "href", url(rq, "/faq?category=%s", cats[i].code));
		}
	}
	struct unit_rec *units;
	size_t nu;
	if (store_units(st, rq->arena, &units, &nu) == ERR_OK)
		for (size_t i = 0; i < nu; i++)
			if (strcmp(units[i].code, SERVICE_DESK_UNIT) == 0 && units[i].phone && *units[i].phone) {
				tobj_str(v, "desk_phone", units[i].phone);
				view_text(rq, v, "desk_unit", units[i].name);
			}
	tobj_bool(v, "suggest", true);
}

/* ---- the citizen's search page ---- */

void h_search(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	bool cut;
	const char *q = query_text(rq, &cut);
	/* the query in the title, unless it is Chinese on an English page (a title has no lang=) */
	bool q_title = *q && !(rq->lang == LANG_EN && cjk_has_han(q));
	struct tobj *v = view_new(rq, q_title ? T_fill(rq, "search_for", "q", q) : T(rq, "search_title"));
	tobj_str(v, "q", q);
	tobj_html(v, "q_html", view_lang_html(rq, q, LANG__MAX));
	tobj_bool(v, "truncated", cut);
	if (*q) {
		struct search_result res;
		if (store_search(st, rq->arena, q, strlen(q), rq->lang, &res) != ERR_OK) {
			page_error(rq, rs, 503, "err_unavailable");
			return;
		}
		size_t shown = results_view(rq, v, &res);
		tobj_bool(v, "searched", true);
		tobj_int(v, "count", (long long)res.n);
		tobj_bool(v, "loose", res.loose && res.n);
		tobj_bool(v, "none", res.n == 0);
		tobj_bool(v, "shown_all", shown == res.n);
		if (res.n == 0)
			suggestions_view(rq, st, v);
	} else {
		suggestions_view(rq, st, v);
	}
	rs->cache_control = "no-cache";
	page_render(rq, rs, "search", v);
}

/* ---- the hotline console ---- */

/* Is there a GET route for path (a page another part of the portal may not have yet)? */
static bool have_page(struct req *rq, const char *path)
{
	struct route_match m;
	bool known;
	memset(&m, 0, sizeof m);
	return route_find(rq->arena, M_GET, path, &m, &known) != NULL;
}

/*
 * A petition's line on the console: number, subject, state, unit, due date;
 * the petitioner masked.  Subject and petitioner only as far as the access
 * rules allow: a confidential petition shows neither to the hotline.
 */
static void petition_view(struct req *rq, struct tobj *o, const struct petition_rec *p)
{
	char buf[128];
	tobj_str(o, "no", p->no);
	const char *page = arena_printf(rq->arena, "/staff/petitions/%s", p->no);
	if (have_page(rq, page))
		tobj_str(o, "href", url(rq, "%s", page));
	if (petition_may(rq, p, ACC_VIEW_SUBJECT))
		tobj_html(o, "subject", view_lang_html(rq, p->subject, LANG__MAX));
	tobj_str(o, "state_label", T(rq, arena_printf(rq->arena, "console_pet_%s", pet_state_name(p->state))));
	if (p->unit)
		view_text(rq, o, "unit_name", p->unit_name);
	tobj_str(o, "received", view_date(rq, p->received_on));
	tobj_str(o, "due", view_date(rq, p->due_on));
	if (p->confidential || !petition_may(rq, p, ACC_VIEW_IDENTITY)) {
		tobj_html(o, "who", view_lang_html(rq, T(rq, "console_confidential"), rq->lang));
	} else if (p->anonymous || !p->name) {
		tobj_html(o, "who", view_lang_html(rq, T(rq, "console_anonymous"), rq->lang));
	} else {
		ids_mask_name(p->name, buf, sizeof buf);
		tobj_html(o, "who", view_lang_html(rq, buf, LANG__MAX));
		if (p->phone) {
			ids_mask_phone(p->phone, buf, sizeof buf);
			tobj_str(o, "phone", arena_strdup(rq->arena, buf));
		}
	}
}

/*
 * The caller's cases and petitions when q is a case or petition number or
 * has 8+ digits (a phone number): personal data masked, the lookup audited.
 */
static void console_people(struct req *rq, struct store *st, struct tobj *v, const char *q)
{
	char digits[32], no[32];
	ids_phone_digits(q, digits, sizeof digits);
	ids_number_upcase(q, no, sizeof no);
	bool by_no = ids_number_valid(no), by_phone = strlen(digits) >= 8 && !by_no;
	if (!by_no && !by_phone)
		return;
	struct case_rec *cs;
	size_t n;
	if (store_cases_find(st, rq->arena, by_no ? no : "", by_phone ? digits : NULL, &cs, &n) == ERR_OK) {
		const struct cal *cal = store_calendar(st);
		int near = store_near_days(st);
		struct tlist *l = tobj_list(v, "cases");
		for (size_t i = 0; i < n; i++)
			case_summary_view(rq, tlist_obj(l), &cs[i], cal, near, false);
		tobj_int(v, "case_count", (long long)n);
	}
	struct petition_rec *ps = NULL, one;
	size_t np = 0;
	if (by_no && store_petition_by_no(st, rq->arena, no, &one) == ERR_OK) {
		ps = &one;
		np = 1;
	} else if (by_phone && store_petitions_by_phone(st, rq->arena, digits, &ps, &np) != ERR_OK) {
		np = 0;
	}
	struct tlist *pl = tobj_list(v, "petitions");
	size_t shown = 0;
	for (size_t i = 0; i < np; i++) {
		/* a phone never leads to a confidential petition; its number shows that it exists */
		if (by_phone && !petition_may(rq, &ps[i], ACC_FIND_BY_PHONE))
			continue;
		petition_view(rq, tlist_obj(pl), &ps[i]);
		shown++;
		if (ps[i].confidential)
			auth_audit(rq, "view_confidential", arena_printf(rq->arena, "petition:%s", ps[i].no),
			           "console");
	}
	tobj_int(v, "petition_count", (long long)shown);
	tobj_bool(v, "people_searched", true);
	auth_audit(rq, "console_find", by_no ? arena_strdup(rq->arena, no) : NULL,
	           by_no ? "by number" : audit_phone(rq, q));
}

/* Opens the first FAQ answers and service facts inline, so the operator need not leave the page. */
static void console_details(struct req *rq, struct store *st, struct tobj *v, const struct search_result *res)
{
	size_t faqs = 0, svcs = 0;
	struct tlist *fl = tobj_list(v, "answers");
	struct tlist *sl = tobj_list(v, "sheets");
	for (size_t i = 0; i < res->n; i++) {
		const struct search_hit *h = &res->hits[i];
		if (h->kind == SEARCH_FAQ && faqs < CONSOLE_DETAILS) {
			struct faq_rec f;
			if (store_faq(st, rq->arena, h->ref, &f) != ERR_OK)
				continue;
			struct tobj *o = tlist_obj(fl);
			bool en = rq->lang == LANG_EN && f.question[LANG_EN] && *f.question[LANG_EN];
			tobj_html(o, "question",
			          highlight(rq, pick(rq, f.question), en ? LANG_EN : LANG_ZH, res->terms, 0));
			view_markdown(rq, o, "answer", f.answer);
			tobj_str(o, "href", hit_href(rq, h));
			tobj_str(o, "reviewed_on", view_date(rq, f.reviewed_on));
			view_text(rq, o, "unit_name", f.unit.name);
			faqs++;
		} else if (h->kind == SEARCH_SERVICE && svcs < CONSOLE_DETAILS) {
			struct service_rec s;
			if (store_service(st, rq->arena, h->ref, &s) != ERR_OK)
				continue;
			struct tobj *o = tlist_obj(sl);
			view_text(rq, o, "name", s.name);
			tobj_str(o, "href", hit_href(rq, h));
			view_text(rq, o, "fee", s.fee);
			view_text(rq, o, "unit_name", s.unit.name);
			tobj_str(o, "unit_phone", s.unit.phone);
			tobj_str(o, "contact_ext", s.contact_ext);
			if (s.immediate)
				tobj_str(o, "days", T(rq, "svc_immediate"));
			else
				tobj_str(
				    o, "days",
				    arena_printf(rq->arena, "%d %s", s.processing_days, T(rq, "svc_working_days")));
			struct service_line *items;
			size_t ni;
			if (store_service_items(st, rq->arena, s.id, &items, &ni) == ERR_OK) {
				struct tlist *il = tobj_list(o, "items");
				for (size_t k = 0; k < ni; k++)
					view_text(rq, tlist_obj(il), "text", items[k].text);
			}
			svcs++;
		}
	}
	tobj_int(v, "answer_count", (long long)faqs);
	tobj_int(v, "sheet_count", (long long)svcs);
}

void h_console(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	bool cut;
	const char *q = query_text(rq, &cut);
	struct tobj *v = view_new(rq, T(rq, "console_title"));
	tobj_str(v, "q", q);
	tobj_bool(v, "truncated", cut);
	if (*q) {
		console_people(rq, st, v, q);
		struct search_result res;
		if (store_search(st, rq->arena, q, strlen(q), rq->lang, &res) != ERR_OK) {
			page_error(rq, rs, 503, "err_unavailable");
			return;
		}
		results_view(rq, v, &res);
		console_details(rq, st, v, &res);
		/* a number or a phone that matches no text: only the caller's cases and petitions */
		const struct tv *people = tobj_get(v, "people_searched");
		bool by_people = people && people->kind == TV_BOOL && people->u.b;
		tobj_bool(v, "searched", res.n > 0 || !by_people);
		tobj_int(v, "count", (long long)res.n);
		tobj_bool(v, "loose", res.loose && res.n);
		tobj_bool(v, "none", res.n == 0);
		if (res.n == 0 && !by_people)
			suggestions_view(rq, st, v);
	}
	rs->no_store = true;
	page_render(rq, rs, "console", v);
}

/* ---- synonyms (administrators) ---- */

static void synonyms_page(struct req *rq, struct resp *rs, int status, const char *error_key, const char *notice_key)
{
	struct store *st = req_store(rq);
	struct synonym_rec *syn;
	size_t n;
	if (store_synonyms(st, rq->arena, &syn, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "syn_title"));
	struct tlist *l = tobj_list(v, "synonyms");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_int(o, "id", syn[i].id);
		tobj_html(o, "variants", view_lang_html(rq, syn[i].variants, LANG__MAX));
		tobj_str(o, "by", syn[i].created_by);
		tobj_str(o, "at", view_time(rq, syn[i].created_at));
	}
	tobj_int(v, "count", (long long)n);
	if (error_key) {
		tobj_str(v, "error", T(rq, error_key));
		tobj_str(v, "variants", req_val(rq, K_VARIANTS)->s);
	}
	if (notice_key)
		tobj_str(v, "notice", T(rq, notice_key));
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "synonyms", v);
}

void h_synonyms(struct req *rq, struct resp *rs)
{
	const struct fval *done = req_val(rq, K_DONE);
	const char *notice = NULL;
	if (done->present)
		notice = strcmp(done->s, "added") == 0     ? "syn_added"
		         : strcmp(done->s, "deleted") == 0 ? "syn_deleted"
		                                           : NULL;
	synonyms_page(rq, rs, 200, NULL, notice);
}

void h_synonym_add(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *f = req_val(rq, K_VARIANTS);
	if (f->err_key) {
		synonyms_page(rq, rs, 422, f->err_key, NULL);
		return;
	}
	const char *norm = search_synonym_normalize(rq->arena, f->s);
	if (!norm) {
		synonyms_page(rq, rs, 422, "syn_invalid", NULL);
		return;
	}
	long long id = 0;
	store_begin(st);
	store_synonym_add(st, norm, rq->sess->user.username, &id);
	store_audit(st, rq->sess->user.id, rq->sess->user.username, "synonym_add",
	            arena_printf(rq->arena, "synonym:%lld", id), norm, rq->remote_addr);
	enum err e = store_finish(st);
	if (e != ERR_OK) {
		if (e == ERR_CONFLICT)
			synonyms_page(rq, rs, 409, "syn_exists", NULL);
		else
			page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/admin/synonyms?done=added"));
}

void h_synonym_delete(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	char *end;
	const char *cap = req_cap(rq, 0);
	long long id = strtoll(cap, &end, 10);
	if (*end || id <= 0) {
		page_error(rq, rs, 404, "err_not_found");
		return;
	}
	const char *was = NULL;
	store_begin(st);
	store_synonym_delete(st, rq->arena, id, &was);
	store_audit(st, rq->sess->user.id, rq->sess->user.username, "synonym_delete",
	            arena_printf(rq->arena, "synonym:%lld", id), was, rq->remote_addr);
	enum err e = store_finish(st);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_not_found");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/admin/synonyms?done=deleted"));
}
