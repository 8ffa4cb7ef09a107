/*
 * news_admin.c -- staff write the news (最新消息): drafts, publishing from a
 * day on, expiry, pinning.  The public list, the home page and the RSS
 * feed show an item while it is published and not expired, pinned ones
 * first (store_news).  Officers and heads write their unit's news,
 * administrators every unit's; every change writes an audit row in its
 * transaction.
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
#include "store/catalog_edit.h"
#include "store/catalog_io.h"

static const enum key field_names[] = {K_UNIT,    K_TITLE_ZH,   K_TITLE_EN,  K_BODY_ZH,
                                       K_BODY_EN, K_PUBLISH_ON, K_EXPIRES_ON};
enum { N_UNIT, N_TZH, N_TEN, N_BZH, N_BEN, N_PUB, N_EXP, NN };

/* The office day an ISO UTC time falls on, as YYYY-MM-DD (arena); "" for NULL. */
static const char *office_date(struct req *rq, const char *iso)
{
	time_t t = iso ? clock_parse_iso(iso) : -1;
	char day[CAL_ISO_SIZE];
	return t < 0 ? "" : arena_strdup(rq->arena, cal_format_iso(clock_office_day(t), day));
}

/* The start of office day iso (YYYY-MM-DD) as ISO UTC (arena). */
static const char *day_start(struct req *rq, const char *iso)
{
	int32_t d;
	char out[21];
	if (!cal_parse_iso(iso, &d))
		return NULL;
	clock_iso(clock_office_day_start(d), out);
	return arena_strdup(rq->arena, out);
}

void h_news_admin(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	struct news_admin_rec *n;
	size_t nn;
	if (store_news_admin(st, rq->arena, content_own_unit(rq), &n, &nn) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	const char *now = clock_now_iso(rq->arena);
	struct tobj *v = view_new(rq, T(rq, "news_admin_title"));
	struct tlist *l = tobj_list(v, "news");
	for (size_t i = 0; i < nn; i++) {
		struct tobj *o = tlist_obj(l);
		view_text(rq, o, "title", n[i].title);
		tobj_str(o, "edit_href", url(rq, "/staff/news/%lld/edit", n[i].id));
		tobj_str(o, "delete_action", url(rq, "/staff/news/%lld/delete", n[i].id));
		tobj_str(o, "href", url(rq, "/news/%lld", n[i].id));
		tobj_str(o, "published", view_date(rq, office_date(rq, n[i].published_at)));
		tobj_str(o, "expires", n[i].expires_at ? view_date(rq, office_date(rq, n[i].expires_at)) : NULL);
		tobj_bool(o, "pinned", n[i].pinned);
		bool draft = strcmp(n[i].status, "draft") == 0;
		bool expired = n[i].expires_at && strcmp(n[i].expires_at, now) <= 0;
		bool waiting = !draft && strcmp(n[i].published_at, now) > 0;
		tobj_str(o, "state",
		         T(rq, draft     ? "news_state_draft"
		               : expired ? "news_state_expired"
		               : waiting ? "news_state_scheduled"
		                         : "news_state_shown"));
	}
	const struct fval *done = req_val(rq, K_DONE);
	if (done->present)
		tobj_str(v, "notice", T(rq, strcmp(done->s, "deleted") == 0 ? "news_deleted" : "news_saved"));
	rs->no_store = true;
	page_render(rq, rs, "news_admin", v);
}

static void edit_page(struct req *rq, struct resp *rs, int status, long long id, const char **vals, const char **errors,
                      const char *state, bool pinned)
{
	struct tobj *v = view_new(rq, T(rq, id ? "news_edit_title" : "news_new_title"));
	tobj_str(v, "action", id ? url(rq, "/staff/news/%lld/edit", id) : url(rq, "/staff/news/new"));
	bool any = false;
	for (int i = 0; i < NN; i++) {
		tobj_str(v, key_name(field_names[i]), vals[i] ? vals[i] : "");
		if (errors && errors[i]) {
			view_field_error(rq, v, key_name(field_names[i]), T(rq, errors[i]));
			any = true;
		}
	}
	tobj_bool(v, "has_errors", any);
	tobj_bool(v, "is_draft", strcmp(state, "draft") == 0);
	tobj_bool(v, "pinned", pinned);
	content_unit_options(rq, v, vals[N_UNIT]);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "news_edit", v);
}

void h_news_new_form(struct req *rq, struct resp *rs)
{
	const char *vals[NN] = {0};
	vals[N_UNIT] = content_own_unit(rq);
	vals[N_PUB] = clock_today_iso(rq->arena);
	edit_page(rq, rs, 200, 0, vals, NULL, "draft", false);
}

/* The posted item into vals/errors and *out; true when acceptable. */
static bool check_form(struct req *rq, long long id, const char **vals, const char **errors, struct cd_news *out)
{
	for (int i = 0; i < NN; i++) {
		const struct fval *f = req_val(rq, field_names[i]);
		vals[i] = f->s;
		errors[i] = f->err_key;
	}
	if (content_own_unit(rq)) {
		vals[N_UNIT] = content_own_unit(rq);
		errors[N_UNIT] = NULL;
	}
	if (!errors[N_UNIT])
		errors[N_UNIT] = content_check_unit(rq, REC_NEWS, vals[N_UNIT]);
	bool en_title = *vals[N_TEN], en_body = *vals[N_BEN];
	if (en_title != en_body && !errors[N_TEN] && !errors[N_BEN])
		errors[en_title ? N_BEN : N_TEN] = "faq_en_pair";
	const char *status = req_val(rq, K_STATUS)->s;
	const char *today = clock_today_iso(rq->arena);
	const char *pub = *vals[N_PUB] ? vals[N_PUB] : today;
	*out = (struct cd_news){
	    .id = id,
	    .unit = vals[N_UNIT],
	    .status = strcmp(status, "published") == 0 ? "published" : "draft",
	    .pinned = req_val(rq, K_PINNED)->i != 0,
	    .title = {vals[N_TZH], en_title ? vals[N_TEN] : NULL},
	    .body = {vals[N_BZH], en_body ? vals[N_BEN] : NULL},
	    /* today: from now on; another day: from its start */
	    .published_at = strcmp(pub, today) == 0 ? clock_now_iso(rq->arena) : day_start(rq, pub),
	    .expires_at = *vals[N_EXP] ? day_start(rq, vals[N_EXP]) : NULL,
	};
	if (!errors[N_EXP] && out->expires_at && out->published_at && strcmp(out->expires_at, out->published_at) <= 0)
		errors[N_EXP] = "news_expires_before";
	bool ok = true;
	for (int i = 0; i < NN; i++)
		ok &= !errors[i];
	return ok;
}

static enum err save(struct req *rq, const struct cd_news *n, long long *id)
{
	struct store *st = req_store(rq);
	store_begin(st);
	store_news_put(st, n, rq->sess->user.username, id);
	content_audit(rq, n->id ? "news_update" : "news_create", arena_printf(rq->arena, "news:%lld", *id),
	              n->title[LANG_ZH]);
	return store_finish(st);
}

static void submit(struct req *rq, struct resp *rs, long long id)
{
	const char *vals[NN], *errors[NN];
	struct cd_news n;
	if (!check_form(rq, id, vals, errors, &n)) {
		edit_page(rq, rs, 422, id, vals, errors, req_val(rq, K_STATUS)->s, req_val(rq, K_PINNED)->i != 0);
		return;
	}
	long long saved = id;
	if (save(rq, &n, &saved) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/news?done=saved"));
}

void h_news_create(struct req *rq, struct resp *rs)
{
	if (!req_store(rq)) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	submit(rq, rs, 0);
}

/* The item named in the path, when the person may change it; false when rs holds the answer. */
static bool load(struct req *rq, struct resp *rs, struct news_admin_rec *n)
{
	struct store *st = req_store(rq);
	char *end;
	long long id = strtoll(req_cap(rq, 0), &end, 10);
	enum err e = *end || id <= 0 ? ERR_NOTFOUND : store_news_admin_item(st, rq->arena, id, n);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_not_found");
		return false;
	}
	if (!content_may_edit(rq, REC_NEWS, n->unit)) {
		page_error(rq, rs, 403, "content_not_your_unit");
		return false;
	}
	return true;
}

void h_news_edit_form(struct req *rq, struct resp *rs)
{
	struct news_admin_rec n;
	if (!load(rq, rs, &n))
		return;
	const char *vals[NN] = {n.unit,
	                        n.title[LANG_ZH],
	                        n.title[LANG_EN],
	                        n.body[LANG_ZH],
	                        n.body[LANG_EN],
	                        office_date(rq, n.published_at),
	                        n.expires_at ? office_date(rq, n.expires_at) : ""};
	edit_page(rq, rs, 200, n.id, vals, NULL, n.status, n.pinned);
}

void h_news_update(struct req *rq, struct resp *rs)
{
	struct news_admin_rec n;
	if (load(rq, rs, &n))
		submit(rq, rs, n.id);
}

void h_news_delete(struct req *rq, struct resp *rs)
{
	struct news_admin_rec n;
	if (!load(rq, rs, &n))
		return;
	struct store *st = req_store(rq);
	store_begin(st);
	store_news_delete(st, n.id);
	content_audit(rq, "news_delete", arena_printf(rq->arena, "news:%lld", n.id), n.title[LANG_ZH]);
	enum err e = store_finish(st);
	if (e != ERR_OK) {
		page_error_lookup(rq, rs, e, "err_not_found");
		return;
	}
	page_redirect(rq, rs, url(rq, "/staff/news?done=deleted"));
}
