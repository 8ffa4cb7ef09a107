/*
 * app.c -- start-up and the dispatcher: decode, route, validate, call the
 * handler, finish the headers.  Both front ends call app_handle().
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#include "web/app.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/auth.h"
#include "app/metrics.h"
#include "app/router.h"
#include "app/site.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/settings.h"
#include "store/catalog.h"
#include "store/store.h"
#include "util/i18n.h"
#include "web/static.h"

static bool g_quiet;

static const char *strings_cb(void *ctx, enum lang lang, const char *key)
{
	(void)ctx;
	return i18n_find(lang, key);
}

int app_init(const struct app_config *cfg, char *err, size_t errsz)
{
	g_quiet = cfg->quiet;
	char path[1024];
	snprintf(path, sizeof path, "%s/templates/strings.tsv", cfg->root);
	if (i18n_load(path, err, errsz) < 0)
		return -1;
	snprintf(path, sizeof path, "%s/templates", cfg->root);
	struct site site = {.root = cfg->root, .db_path = cfg->db_path, .metrics_allow = cfg->metrics_allow};
	site.tmpl = tmpl_load_dir(path, strings_cb, NULL, err, errsz);
	if (!site.tmpl)
		return -1;
	site_set(&site);
	static const char *const required[] = {"error", "home"};
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!tmpl_has(site.tmpl, required[i])) {
			snprintf(err, errsz, "%s/%s.html: missing", path, required[i]);
			return -1;
		}
	snprintf(path, sizeof path, "%s/static", cfg->root);
	if (static_load(path, err, errsz) < 0)
		return -1;

	_Static_assert((int)STORE_KEY_BYTES == (int)CODE_KEY_BYTES, "the key file holds the query codes' key");
	unsigned char key[STORE_KEY_BYTES];
	if (store_key_load(cfg->db_path, key, err, errsz) != ERR_OK)
		return -1;
	auth_set_code_key(key);
	sodium_memzero(key, sizeof key);
	struct store *st = store_open(cfg->db_path, err, errsz);
	if (!st)
		return -1;
	if (store_check_schema(st, cfg->db_path, cfg->root, err, errsz) != ERR_OK) {
		store_close(st);
		return -1;
	}
	struct arena *a = arena_new();
	const char *demo = store_setting(st, a, "demo");
	site.demo = demo && strcmp(demo, "1") == 0;
	site_set(&site);
	const char *pub = store_setting(st, a, "public_url");
	if (!pub || !*pub)
		fprintf(stderr,
		        "bianmin: warning: public_url is not set; QR codes, RSS and e-mail links point to %s. "
		        "Set it: bianmin admin set --db %s public_url https://ADDRESS\n",
		        SETTINGS_PUBLIC_URL_UNSET, cfg->db_path);
	arena_free(a);
	store_close(st);
	return 0;
}

void app_shutdown(void)
{
	site_close();
	static_free();
	i18n_free();
}

/* ---- the public page cache ---- */

/*
 * Pages that are the same for every visitor (R_CACHE routes, no session, no
 * query string unless the route takes one: R_CACHE_QUERY, the search page)
 * are kept rendered, keyed by language, path and query, tagged with the
 * content generation; a change to the catalog (or a synonym) bumps the
 * generation and the stale copy is skipped, as is one past the next
 * scheduled change of the news (store_news_next_change).  One entry a slot: a burst of
 * new queries evicts, it never grows the memory.
 */
enum { CACHE_SLOTS = 512 };

struct cache_entry {
	char *key;
	struct shared_body *body; /* the cache's own reference */
	long long gen;
	time_t until; /* stale from then (a news item's publish or expiry time); 0: only a new generation ends it */
};

static struct cache_entry g_cache[CACHE_SLOTS];
static pthread_rwlock_t g_cache_lock = PTHREAD_RWLOCK_INITIALIZER;

static size_t cache_slot(const char *key)
{
	uint64_t h = 1469598103934665603ull;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	return (size_t)(h % CACHE_SLOTS);
}

/* "<lang><path>?<query>", built without printf: every hit builds one. */
static char *cache_key(struct arena *a, enum lang lang, const char *path, const char *query)
{
	_Static_assert(LANG__MAX <= 10, "the language is one digit of the key");
	size_t pl = strlen(path), ql = query ? strlen(query) : 0;
	char *key = arena_alloc(a, pl + ql + 3);
	key[0] = (char)('0' + lang);
	memcpy(key + 1, path, pl);
	key[1 + pl] = '?';
	if (ql)
		memcpy(key + 2 + pl, query, ql);
	key[2 + pl + ql] = '\0';
	return key;
}

/* A hit lends rs the cached bytes with a reference: no copy, however many send them at once. */
static bool cache_get(const char *key, long long gen, time_t now, struct resp *rs)
{
	bool hit = false;
	size_t i = cache_slot(key);
	pthread_rwlock_rdlock(&g_cache_lock);
	struct cache_entry *e = &g_cache[i];
	if (e->key && e->gen == gen && (!e->until || now < e->until) && strcmp(e->key, key) == 0) {
		resp_share(rs, e->body);
		hit = true;
	}
	pthread_rwlock_unlock(&g_cache_lock);
	return hit;
}

static void cache_put(const char *key, long long gen, time_t until, const char *body, size_t len)
{
	size_t i = cache_slot(key);
	struct cache_entry fresh = {xstrdup(key), shared_body_new(body, len), gen, until};
	pthread_rwlock_wrlock(&g_cache_lock);
	struct cache_entry old = g_cache[i];
	g_cache[i] = fresh;
	pthread_rwlock_unlock(&g_cache_lock);
	free(old.key);
	shared_body_release(old.body); /* freed now, or by the last response still sending it */
}

/* ---- dispatch ---- */

static void security_headers(struct req *rq, struct resp *rs)
{
	resp_header(rs, "Content-Security-Policy",
	            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
	resp_header(rs, "X-Content-Type-Options", "nosniff");
	resp_header(rs, "X-Frame-Options", "DENY");
	resp_header(rs, "Referrer-Policy", "same-origin");
	resp_header(rs, "Permissions-Policy",
	            rs->geolocation ? "camera=(), microphone=(), geolocation=(self)"
	                            : "camera=(), microphone=(), geolocation=()");
	if (rq->secure)
		resp_header(rs, "Strict-Transport-Security", "max-age=31536000");
	if (rs->no_store)
		resp_header(rs, "Cache-Control", "no-store");
	else if (rs->cache_control)
		resp_header(rs, "Cache-Control", rs->cache_control);
	else
		resp_header(rs, "Cache-Control", "no-cache");
	if (rq->lang == LANG_EN || rq->lang == LANG_ZH)
		resp_header(rs, "Content-Language", rq->lang == LANG_EN ? "en" : "zh-Hant-TW");
}

static void serve_static(struct req *rq, struct resp *rs, const char *rel)
{
	const struct static_file *f = static_find(rel);
	if (!f) {
		page_error(rq, rs, 404, "err_not_found");
		return;
	}
	rs->cache_control = "public, max-age=3600";
	resp_header(rs, "ETag", f->etag);
	if (rq->if_none_match && strstr(rq->if_none_match, f->etag)) {
		rs->status = 304;
		rs->body_static = "";
		rs->body_static_len = 0;
		rs->content_type = f->content_type;
		return;
	}
	rs->status = 200;
	rs->content_type = f->content_type;
	rs->body_static = f->data;
	rs->body_static_len = f->len;
}

static const char *form_err_key(enum form_err e)
{
	switch (e) {
	case FORM_BAD_UTF8: return "err_bad_utf8";
	case FORM_NUL: return "err_nul";
	case FORM_TOO_MANY: return "err_too_many";
	case FORM_BAD_MULTIPART: return "err_bad_multipart";
	default: return "err_bad_escape";
	}
}

/* Decodes the body: urlencoded, or multipart/form-data on a route that takes files (into m). */
static enum form_err decode_body(struct req *rq, struct route_match *m, struct param **b, size_t *nb, const char **why)
{
	const char *ct = rq->content_type ? rq->content_type : "";
	if (strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0)
		return form_parse(rq->arena, rq->body, rq->body_len, b, nb);
	if ((m->route->flags & R_UPLOAD) && strncasecmp(ct, "multipart/form-data", 19) == 0)
		return form_multipart(rq->arena, rq->body, rq->body_len, ct, b, nb, &m->uploads, &m->nuploads);
	*why = "err_content_type";
	return FORM_OK;
}

/* Collects query and body parameters; returns 0 or an HTTP status. */
static int decode_params(struct req *rq, struct route_match *m, struct param **ps, size_t *n, const char **why)
{
	struct param *q = NULL, *b = NULL;
	size_t nq = 0, nb = 0;
	if (rq->query) {
		enum form_err e = form_parse(rq->arena, rq->query, strlen(rq->query), &q, &nq);
		if (e != FORM_OK) {
			*why = form_err_key(e);
			return 400;
		}
	}
	if (rq->method == M_POST && rq->body_len) {
		enum form_err e = decode_body(rq, m, &b, &nb, why);
		if (*why)
			return 415;
		if (e != FORM_OK) {
			*why = form_err_key(e);
			return 400;
		}
	}
	if (nq + nb > FORM_MAX_PARAMS) {
		*why = "err_too_many";
		return 400;
	}
	*n = nq + nb;
	*ps = arena_alloc(rq->arena, (*n + 1) * sizeof **ps);
	if (nb)
		memcpy(*ps, b, nb * sizeof *b);
	if (nq)
		memcpy(*ps + nb, q, nq * sizeof *q);
	return 0;
}

static void dispatch(struct req *rq, struct resp *rs)
{
	/* the visitor's language, even for a request refused before decoding */
	if (strncmp(rq->path, "/en/", 4) == 0 || strcmp(rq->path, "/en") == 0)
		rq->lang = LANG_EN;
	if (rq->front_error) {
		page_error(rq, rs, rq->front_error, rq->front_error == 413 ? "err_too_large" : "err_headers");
		return;
	}
	if (strlen(rq->path) + (rq->query ? strlen(rq->query) : 0) > REQ_MAX_URI) {
		page_error(rq, rs, 414, "err_uri_too_long");
		return;
	}
	char *path;
	size_t plen;
	enum form_err fe = form_unescape(rq->arena, rq->path, strlen(rq->path), false, &path, &plen);
	if (fe != FORM_OK || path[0] != '/') {
		page_error(rq, rs, 400, fe == FORM_OK ? "err_bad_path" : form_err_key(fe));
		return;
	}
	if (strcmp(path, "/en") == 0 || strncmp(path, "/en/", 4) == 0) {
		rq->lang = LANG_EN;
		path += 3;
		if (!*path)
			path = "/";
	}
	rq->local_path = path;
	if (strncmp(path, "/static/", 8) == 0) {
		if (rq->method == M_POST || rq->method == M_OTHER) {
			resp_header(rs, "Allow", "GET, HEAD");
			page_error(rq, rs, 405, "err_method");
			return;
		}
		serve_static(rq, rs, path + 8);
		return;
	}

	struct route_match *m = arena_zalloc(rq->arena, sizeof *m);
	bool known;
	const struct route *r = route_find(rq->arena, rq->method, path, m, &known);
	if (!r) {
		if (known) {
			resp_header(rs, "Allow", route_allow(path));
			page_error(rq, rs, 405, "err_method");
		} else {
			page_error(rq, rs, 404, "err_not_found");
		}
		return;
	}
	rq->match = m;
	struct param *ps;
	size_t np;
	const char *why = NULL;
	int status = decode_params(rq, m, &ps, &np, &why);
	if (status) {
		page_error(rq, rs, status, why);
		return;
	}
	/* who may ask comes before what they asked: no field errors for strangers */
	int invalid = route_validate(rq->arena, r, ps, np, m);
	if (!auth_allows(rq, rs, r))
		return;
	if (invalid && !(r->flags & R_SOFT)) {
		for (int k = 0; r->fields[k].key; k++)
			if (m->vals[k].err_key) {
				page_error(rq, rs, 400, m->vals[k].err_key);
				return;
			}
	}
	if (r->flags & R_NOSTORE)
		rs->no_store = true;
	/* the handler gets its store: one answer for a database it cannot open */
	if (!(r->flags & R_NODB) && !req_store(rq)) {
		page_error(rq, rs, 503, "err_unavailable");
		return;
	}

	bool cacheable = (r->flags & R_CACHE) && !rq->sess && (!rq->query || (r->flags & R_CACHE_QUERY));
	char *key = NULL;
	long long gen = -1;
	time_t now = clock_now();
	if (cacheable) {
		struct store *st = req_store(rq);
		gen = st ? store_content_gen(st) : -1;
		key = cache_key(rq->arena, rq->lang, path, rq->query);
		if (gen >= 0 && cache_get(key, gen, now, rs)) {
			metrics_cache_hit();
			rs->status = 200;
			rs->content_type = "text/html; charset=utf-8";
			return;
		}
	}
	if (!(r->flags & R_CACHE)) {
		r->fn(rq, rs);
		return;
	}
	/* a public page only reads: one snapshot for all its queries */
	struct store *st = req_store(rq);
	store_read_begin(st);
	r->fn(rq, rs);
	if (cacheable && gen >= 0 && rs->status == 200 && !rs->body_static) {
		/* news shows and hides on its own schedule: the copy lasts until its next change */
		const char *next = store_news_next_change(st, rq->arena, clock_now_iso(rq->arena));
		time_t until = next ? clock_parse_iso(next) : 0;
		cache_put(key, gen, until > 0 ? until : 0, rs->body.data ? rs->body.data : "", rs->body.len);
	}
	store_read_end(st);
}

size_t app_body_limit(const char *raw_path, const char *content_type)
{
	/* only files are big: a form of fields stays small on every route */
	if (!content_type || strncasecmp(content_type, "multipart/form-data", 19) != 0)
		return REQ_MAX_BODY;
	struct arena *a = arena_new();
	char *path;
	size_t plen, limit = REQ_MAX_BODY;
	if (form_unescape(a, raw_path, strlen(raw_path), false, &path, &plen) == FORM_OK) {
		if (strcmp(path, "/en") == 0 || strncmp(path, "/en/", 4) == 0)
			path += 3;
		struct route_match *m = arena_zalloc(a, sizeof *m);
		bool known;
		const struct route *r = route_find(a, M_POST, path, m, &known);
		if (r && (r->flags & R_UPLOAD))
			limit = r->flags & R_PHOTOS ? REQ_MAX_PHOTOS : REQ_MAX_UPLOAD;
	}
	arena_free(a);
	return limit;
}

/*
 * An API area (route_error_formats: /open311/...) answers every error in its own format,
 * also those the dispatcher gives before a handler runs (404, 405, 400,
 * 413, 415): its error pages become [{"code", "description"}].
 */
static void api_errors(struct req *rq, struct resp *rs)
{
	const char *p = rq->local_path ? rq->local_path : rq->path;
	if (!rq->local_path && strncmp(p, "/en/", 4) == 0)
		p += 3;
	if (rs->status < 400 || (rs->content_type && strncmp(rs->content_type, "text/html", 9) != 0))
		return;
	for (const struct error_format *f = route_error_formats; f->prefix; f++) {
		if (strncmp(p, f->prefix, strlen(f->prefix)) != 0)
			continue;
		char key[32];
		snprintf(key, sizeof key, "http_%d", rs->status);
		const char *why = i18n_find(rq->lang, key);
		f->fn(rq, rs, rs->status, why ? why : http_reason(rs->status));
		return;
	}
}

void app_handle(struct req *rq, struct resp *rs)
{
	rs->status = 0;
	dispatch(rq, rs);
	api_errors(rq, rs);
	if (!rs->status)
		rs->status = 200;
	if (!rs->content_type)
		rs->content_type = "text/html; charset=utf-8";
	for (int i = 0; i < rq->nset_cookies; i++)
		resp_header(rs, "Set-Cookie", rq->set_cookies[i]);
	/* what the handler set is checked; the security headers after it are constants */
	resp_check_headers(rs);
	security_headers(rq, rs);
	req_store_return(rq);
}

/*
 * One line per request on stderr, for journald: "<6>" (info; "<4>" for a
 * 5xx) that journald turns into the priority, no timestamp of our own when
 * JOURNAL_STREAM says journald is reading (it stamps every line), no client
 * address and no query string: both can be personal data, and the path
 * is what the operator needs.
 */
void app_log(const struct req *rq, const struct resp *rs, long long usec)
{
	static int journald = -1;
	metrics_observe(rq, rs, usec);
	if (g_quiet)
		return;
	if (journald < 0)
		journald = getenv("JOURNAL_STREAM") != NULL;
	char path[200];
	size_t j = 0;
	for (const char *p = rq->path ? rq->path : "-"; *p && j + 5 < sizeof path; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
			j += (size_t)snprintf(path + j, sizeof path - j, "\\x%02x", c);
		else
			path[j++] = (char)c;
	}
	path[j] = '\0';
	size_t len;
	resp_body(rs, &len);
	char ts[32] = "";
	if (!journald) {
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ ", &tm);
	}
	fprintf(stderr, "<%d>%s%s \"%s\" %d %zu %lldus\n", rs->status >= 500 ? 4 : 6, ts,
	        rq->method_name ? rq->method_name : "-", path, rs->status, len, usec);
}

const char *app_find_root(const char *explicit_root)
{
	static char root[1024];
	struct stat sb;
	if (explicit_root)
		return explicit_root;
	if (stat("templates/strings.tsv", &sb) == 0 && stat("sql/migrations", &sb) == 0)
		return ".";
	char exe[900];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	static const char *const tries[] = {"/..", "/../share/bianmin", "/../.."};
	for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
		char probe[1100];
		snprintf(root, sizeof root, "%s%s", exe, tries[i]);
		snprintf(probe, sizeof probe, "%s/templates/strings.tsv", root);
		if (stat(probe, &sb) == 0)
			return root;
	}
	return NULL;
}
