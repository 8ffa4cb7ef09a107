/*
 * apikey_admin.c -- /staff/admin/api-keys (issue #13): the Open311
 * partners' keys, as `bianmin admin api-key` manages them, for
 * administrators.  A new key is shown once, on the answer to the form that
 * made it (no-store, never in a URL); only its hash is kept.  Adding and
 * revoking are audit-logged with the key's name.
 */
#include <sodium.h>
#include <string.h>

#include "app/auth.h"
#include "app/view.h"
#include "domain/apikey.h"
#include "domain/clock.h"
#include "handlers/handlers.h"
#include "store/open311.h"
#include "store/staff.h"

/* The page: every key, the add form; new_key the key just made (shown once), or NULL. */
static void keys_page(struct req *rq, struct resp *rs, int status, const char *error_key, const char *notice_key,
                      const char *new_key)
{
	struct store *st = req_store(rq);
	struct apikey_rec *k;
	size_t n;
	if (store_apikeys(st, rq->arena, &k, &n) != ERR_OK) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}
	struct tobj *v = view_new(rq, T(rq, "apikey_title"));
	struct tlist *l = tobj_list(v, "keys");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_obj(l);
		tobj_str(o, "name", k[i].name);
		tobj_int(o, "rate", k[i].rate_per_min);
		tobj_str(o, "created", view_time(rq, k[i].created_at));
		tobj_bool(o, "in_use", !k[i].revoked_at);
		if (k[i].revoked_at)
			tobj_str(o, "revoked", view_time(rq, k[i].revoked_at));
	}
	tobj_int(v, "count", (long long)n);
	tobj_int(v, "rate_default", APIKEY_RATE_DEFAULT);
	tobj_int(v, "rate_max", APIKEY_RATE_MAX);
	tobj_int(v, "name_max", APIKEY_NAME_MAX);
	if (error_key) {
		tobj_str(v, "error", T(rq, error_key));
		tobj_str(v, "name", req_val(rq, K_NAME)->s);
	}
	if (notice_key)
		tobj_str(v, "notice", T(rq, notice_key));
	if (new_key)
		tobj_str(v, "new_key", new_key);
	rs->status = status;
	rs->no_store = true;
	page_render(rq, rs, "apikeys", v);
}

void h_apikeys(struct req *rq, struct resp *rs)
{
	const struct fval *done = req_val(rq, K_DONE);
	keys_page(rq, rs, 200, NULL, done->present ? "apikey_revoked" : NULL, NULL);
}

/* Writes the key's row and its audit line in one transaction. */
static enum err add_key(struct req *rq, struct store *st, const char *name, int rate, const char *hash)
{
	const char *now = clock_now_iso(rq->arena);
	store_begin(st);
	store_apikey_add(st, name, hash, rate, now);
	auth_audit(rq, "apikey_add", arena_printf(rq->arena, "apikey:%s", name),
	           arena_printf(rq->arena, "%d/min", rate));
	return store_finish(st);
}

void h_apikey_add(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const struct fval *name = req_val(rq, K_NAME), *rate = req_val(rq, K_RATE);
	if (name->err_key || rate->err_key || (rate->present && rate->i < 1)) {
		keys_page(rq, rs, 422, name->err_key ? name->err_key : "apikey_rate_invalid", NULL, NULL);
		return;
	}
	char key[APIKEY_SIZE], hash[APIKEY_SIZE];
	apikey_new(key);
	apikey_hash(key, hash);
	enum err e = add_key(rq, st, name->s, rate->present ? (int)rate->i : APIKEY_RATE_DEFAULT, hash);
	if (e == ERR_CONFLICT)
		keys_page(rq, rs, 409, "apikey_exists", NULL, NULL);
	else if (e != ERR_OK)
		page_error(rq, rs, 503, "err_unavailable");
	else
		keys_page(rq, rs, 201, NULL, "apikey_added", key);
	sodium_memzero(key, sizeof key);
}

void h_apikey_revoke(struct req *rq, struct resp *rs)
{
	struct store *st = req_store(rq);
	const char *name = req_val(rq, K_NAME)->s;
	store_begin(st);
	store_apikey_revoke(st, name, clock_now_iso(rq->arena));
	auth_audit(rq, "apikey_revoke", arena_printf(rq->arena, "apikey:%s", name), NULL);
	enum err e = store_finish(st);
	if (e == ERR_NOTFOUND)
		keys_page(rq, rs, 404, "apikey_unknown", NULL, NULL);
	else if (e != ERR_OK)
		page_error(rq, rs, 503, "err_unavailable");
	else
		page_redirect(rq, rs, url(rq, "/staff/admin/api-keys?done=1"));
}
