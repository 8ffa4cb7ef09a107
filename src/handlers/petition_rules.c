/*
 * petition_rules.c -- the administrator's deadline page: petition
 * deadline rules (working days per channel and category, '*' = any) and
 * the warning tier (near_days).  Rules are configuration, not law; a
 * change applies to petitions received afterwards (and to a petition
 * routed afterwards to a category with another rule).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/petition.h"
#include "handlers/handlers.h"
#include "store/catalog.h"
#include "store/deadlines.h"
#include "store/petitions.h"
#include "store/staff.h"

enum { RULE_MAX_DAYS = 120 };

static const char *any_or(struct req *rq, const char *v, const char *label)
{
	return strcmp(v, "*") == 0 ? T(rq, "rules_any") : label ? label : v;
}

static void rules_page(struct req *rq, struct resp *rs, int status, const char *error_key, const char *notice_key)
{
	struct store *st = req_store(rq);
	struct rule_rec *rules;
	struct named_rec *cats;
	size_t nr, nc;
	if (store_petition_rules(st, rq->arena, &rules, &nr) != ERR_OK ||
	    store_categories(st, rq->arena, &cats, &nc) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "rules_title"));
	struct tlist *l = tobj_list(v, "rules");
	for (size_t i = 0; i < nr; i++) {
		struct tobj *o = tlist_obj(l);
		const char *cat = NULL;
		for (size_t k = 0; k < nc; k++)
			if (strcmp(cats[k].code, rules[i].category) == 0)
				cat = pick(rq, cats[k].name);
		tobj_int(o, "id", rules[i].id);
		tobj_str(o, "channel",
		         any_or(rq, rules[i].channel,
		                strcmp(rules[i].channel, "*") == 0
		                    ? NULL
		                    : T(rq, arena_printf(rq->arena, "pch_%s", rules[i].channel))));
		tobj_str(o, "category", any_or(rq, rules[i].category, cat));
		tobj_int(o, "days", rules[i].days);
		tobj_str(o, "by", rules[i].updated_by);
		tobj_str(o, "at", view_time(rq, rules[i].updated_at));
		tobj_bool(o, "removable", strcmp(rules[i].channel, "*") != 0 || strcmp(rules[i].category, "*") != 0);
	}
	struct tlist *chs = tobj_list(v, "channels");
	for (int c = 0; c < PC__MAX; c++) {
		struct tobj *o = tlist_obj(chs);
		tobj_str(o, "value", pet_channel_name((enum pet_channel)c));
		tobj_str(o, "label", T(rq, arena_printf(rq->arena, "pch_%s", pet_channel_name((enum pet_channel)c))));
	}
	struct tlist *cl = tobj_list(v, "categories");
	for (size_t k = 0; k < nc; k++) {
		struct tobj *o = tlist_obj(cl);
		tobj_str(o, "value", cats[k].code);
		tobj_str(o, "label", pick(rq, cats[k].name));
	}
	tobj_int(v, "near_days", store_near_days(st));
	if (error_key)
		tobj_str(v, "error", T(rq, error_key));
	if (notice_key)
		tobj_str(v, "notice", T(rq, notice_key));
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "petition_rules", v);
}

void h_rules_admin(struct req *rq, struct resp *rs)
{
	rules_page(rq, rs, 200, NULL, req_val(rq, K_SAVED)->present ? "rules_saved" : NULL);
}

static bool commit_audit(struct req *rq, struct resp *rs, struct store *st, const char *action, const char *detail)
{
	store_audit(st, rq->sess->user.id, rq->sess->user.username, action, "deadline_rules", detail, rq->remote_addr);
	enum err e = store_finish(st);
	if (e != ERR_OK) {
		if (e == ERR_INVAL)
			rules_page(rq, rs, 422, "err_rule_catch_all", NULL);
		else
			page_error(rq, rs, 503, "err_unavailable");
		return false;
	}
	return true;
}

void h_rule_set(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *ch = req_val(rq, K_CHANNEL), *cat = req_val(rq, K_CATEGORY), *days = req_val(rq, K_DAYS);
	const char *channel = strcmp(ch->s, "any") == 0 ? "*" : ch->s;
	const char *category = strcmp(cat->s, "any") == 0 ? "*" : cat->s;
	bool cat_ok = strcmp(category, "*") == 0;
	struct named_rec *cats;
	size_t nc;
	if (!cat_ok && store_categories(st, rq->arena, &cats, &nc) == ERR_OK)
		for (size_t k = 0; k < nc; k++)
			cat_ok |= strcmp(cats[k].code, category) == 0;
	if (ch->err_key || cat->err_key || days->err_key || !days->present || days->i < 1 || days->i > RULE_MAX_DAYS ||
	    !cat_ok || (strcmp(channel, "*") != 0 && pet_channel_parse(channel) == PC__MAX)) {
		rules_page(rq, rs, 422, "err_rule", NULL);
		return;
	}
	store_begin(st);
	store_petition_rule_set(st, channel, category, (int)days->i, rq->sess->user.username);
	if (commit_audit(rq, rs, st, "rule_set", arena_printf(rq->arena, "%s/%s=%lld", channel, category, days->i)))
		page_redirect(rq, rs, url(rq, "/staff/admin/deadlines?saved=1"));
}

void h_rule_remove(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *id = req_val(rq, K_ID);
	store_begin(st);
	store_petition_rule_delete(st, id->i);
	if (commit_audit(rq, rs, st, "rule_remove", arena_printf(rq->arena, "%lld", id->i)))
		page_redirect(rq, rs, url(rq, "/staff/admin/deadlines?saved=1"));
}

void h_rule_near(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *n = req_val(rq, K_NEAR_DAYS);
	if (n->err_key || !n->present || n->i > NEAR_DAYS_MAX) {
		rules_page(rq, rs, 422, "err_near_days", NULL);
		return;
	}
	const char *val = arena_printf(rq->arena, "%lld", n->i);
	store_begin(st);
	store_set_setting(st, "near_days", val);
	if (commit_audit(rq, rs, st, "near_days", val))
		page_redirect(rq, rs, url(rq, "/staff/admin/deadlines?saved=1"));
}
