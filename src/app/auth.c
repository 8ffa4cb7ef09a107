/*
 * auth.c -- sessions, roles, CSRF and the access decision (see auth.h).
 * Passwords: argon2id via libsodium (domain/password.c).  Session and CSRF tokens: 256 and 128
 * random bits; the database keeps only a hash of the session token.
 */
#include "app/auth.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/form.h"
#include "app/site.h"
#include "app/view.h"
#include "domain/clock.h"
#include "domain/ids.h"

#define SESSION_COOKIE "bm_sid"
#define CSRF_COOKIE "bm_csrf"

bool auth_has(const struct req *rq, unsigned mask)
{
	return rq->sess && (mask & ROLE_BIT(rq->sess->user.role));
}

struct actor auth_actor(const struct req *rq)
{
	if (!rq->sess)
		return (struct actor){.role = ROLE__MAX};
	return (struct actor){.role = rq->sess->user.role, .unit = rq->sess->user.unit, .id = rq->sess->user.id};
}

const char *auth_random_hex(struct arena *a, size_t nbytes)
{
	unsigned char raw[64];
	if (nbytes > sizeof raw)
		nbytes = sizeof raw;
	randombytes_buf(raw, nbytes);
	char *hex = arena_alloc(a, nbytes * 2 + 1);
	sodium_bin2hex(hex, nbytes * 2 + 1, raw, nbytes);
	return hex;
}

static const char *token_hash(struct arena *a, const char *token)
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	char *hex = arena_alloc(a, sizeof h * 2 + 1);
	sodium_bin2hex(hex, sizeof h * 2 + 1, h, sizeof h);
	return hex;
}

static void add_cookie(struct req *rq, const char *cookie)
{
	if (rq->nset_cookies < (int)(sizeof rq->set_cookies / sizeof rq->set_cookies[0]))
		rq->set_cookies[rq->nset_cookies++] = cookie;
}

/* The receipt cookie lives long enough to read and print a receipt, then goes. */
#define RECEIPT_COOKIE "bm_receipt"
enum { RECEIPT_MAX_AGE = 30 * 60 };

const char *auth_form_once(struct req *rq)
{
	const struct fval *f = req_val(rq, K_ONCE);
	return f->present && ids_form_once_valid(f->s) ? f->s : auth_random_hex(rq->arena, FORM_ONCE_LEN / 2);
}

void auth_receipt_set(struct req *rq, const char *once)
{
	add_cookie(rq, arena_printf(rq->arena, RECEIPT_COOKIE "=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Strict%s",
	                            once, RECEIPT_MAX_AGE, rq->secure ? "; Secure" : ""));
}

const char *auth_receipt_once(struct req *rq)
{
	const char *c = cookie_get(rq->arena, rq->cookie, RECEIPT_COOKIE);
	return c && ids_form_once_valid(c) ? c : NULL;
}

static void load_session(struct req *rq)
{
	const char *tok = cookie_get(rq->arena, rq->cookie, SESSION_COOKIE);
	if (!tok || strlen(tok) != 64)
		return;
	struct store *st = req_store(rq);
	if (!st)
		return;
	struct session *s = arena_zalloc(rq->arena, sizeof *s);
	s->token_hash = token_hash(rq->arena, tok);
	if (store_session_get(st, rq->arena, s->token_hash, clock_now(), SESSION_IDLE, SESSION_ABSOLUTE, &s->user,
	                      &s->csrf) != ERR_OK)
		return;
	if (s->user.role == ROLE__MAX)
		return;
	rq->sess = s;
}

const char *auth_csrf(struct req *rq)
{
	if (rq->sess)
		return rq->sess->csrf;
	const char *c = cookie_get(rq->arena, rq->cookie, CSRF_COOKIE);
	if (c && strlen(c) == 32)
		return c;
	/* first form for this visitor: a token in a cookie, echoed by the form */
	c = auth_random_hex(rq->arena, 16);
	add_cookie(rq, arena_printf(rq->arena, CSRF_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict%s", c,
	                            rq->secure ? "; Secure" : ""));
	/* later calls in this request see the same token */
	rq->cookie =
	    arena_printf(rq->arena, "%s%s" CSRF_COOKIE "=%s", rq->cookie ? rq->cookie : "", rq->cookie ? "; " : "", c);
	return c;
}

static const char *posted_csrf(const struct req *rq)
{
	const struct route_match *m = rq->match;
	for (size_t i = 0; m && i < m->nparams; i++)
		if (strcmp(m->params[i].name, "csrf") == 0)
			return m->params[i].val;
	return NULL;
}

bool auth_allows(struct req *rq, struct resp *rs, const struct route *r)
{
	load_session(rq);
	if (r->roles) {
		rs->no_store = true;
		if (!rq->sess) {
			if (rq->method == M_POST) {
				page_error(rq, rs, 403, "err_signin_first");
			} else {
				page_redirect(rq, rs, url(rq, "/staff/login?next=%s", rq->local_path));
			}
			return false;
		}
		if (!(r->roles & ROLE_BIT(rq->sess->user.role))) {
			page_error(rq, rs, 403, "err_forbidden");
			return false;
		}
	}
	if (rq->method == M_POST && !(r->flags & R_NOCSRF)) {
		const char *want = rq->sess ? rq->sess->csrf : cookie_get(rq->arena, rq->cookie, CSRF_COOKIE);
		const char *got = posted_csrf(rq);
		if (!want || !got || strlen(want) != strlen(got) || sodium_memcmp(want, got, strlen(want)) != 0) {
			page_error(rq, rs, 403, "err_csrf");
			return false;
		}
	}
	return true;
}

enum err auth_login(struct req *rq, const struct user_rec *user)
{
	struct store *st = req_store(rq);
	if (!st)
		return ERR_DB;
	/* end any session this browser had: the id changes at sign-in */
	const char *old = cookie_get(rq->arena, rq->cookie, SESSION_COOKIE);
	if (old)
		store_session_end(st, token_hash(rq->arena, old));
	const char *tok = auth_random_hex(rq->arena, 32);
	const char *csrf = auth_random_hex(rq->arena, 16);
	enum err e = store_session_new(st, token_hash(rq->arena, tok), user->id, csrf, clock_now(), rq->remote_addr);
	if (e != ERR_OK)
		return e;
	add_cookie(rq, arena_printf(rq->arena, SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Lax%s", tok,
	                            rq->secure ? "; Secure" : ""));
	return ERR_OK;
}

void auth_logout(struct req *rq)
{
	struct store *st = req_store(rq);
	if (st && rq->sess)
		store_session_end(st, rq->sess->token_hash);
	add_cookie(rq, SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

enum err auth_audit(struct req *rq, const char *action, const char *object, const char *detail)
{
	struct store *st = req_store(rq);
	if (!st)
		return ERR_DB;
	return store_audit(st, rq->sess ? rq->sess->user.id : 0, rq->sess ? rq->sess->user.username : NULL, action,
	                   object, detail, rq->remote_addr);
}

void app_view_session(struct req *rq, struct tobj *v)
{
	if (!rq->sess)
		return;
	struct tobj *u = tobj_new(rq->arena);
	view_data(rq, u, "user_name", rq->sess->user.display_name);
	tobj_str(u, "user_role", T(rq, arena_printf(rq->arena, "role_%s", role_name(rq->sess->user.role))));
	tobj_obj(v, "user", u);
	view_data(rq, v, "user_name", rq->sess->user.display_name);
	tobj_str(v, "csrf", rq->sess->csrf);
	for (int r = 0; r < ROLE__MAX; r++)
		tobj_bool(v, arena_printf(rq->arena, "is_%s", role_name((enum role)r)),
		          rq->sess->user.role == (enum role)r);
}

/*
 * A fixed password hash nobody's password matches, made once with the same
 * cost as the real ones (password_hash): checking against it takes as long
 * as checking a real account, so timing does not tell "no such user" from
 * "wrong password".
 */
static char g_dummy_pw[crypto_pwhash_STRBYTES];
static pthread_once_t g_dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
	unsigned char raw[16];
	char secret[sizeof raw * 2 + 1];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(secret, sizeof secret, raw, sizeof raw);
	if (password_hash(secret, g_dummy_pw) != 0)
		g_dummy_pw[0] = '\0';
}

const char *auth_dummy_hash(void)
{
	pthread_once(&g_dummy_once, make_dummy);
	return g_dummy_pw;
}

/* the database's secret key, set once by app_init before any request */
static unsigned char g_code_key[CODE_KEY_BYTES];

void auth_set_code_key(const unsigned char key[CODE_KEY_BYTES])
{
	memcpy(g_code_key, key, CODE_KEY_BYTES);
}

void auth_hash_code(const char *code, char out[CODE_HASH_SIZE])
{
	ids_code_hash(g_code_key, code, out);
}

bool auth_verify_code(const char *hash, const char *code)
{
	/* no such record: hash anyway, against a value no code hashes to */
	static const char none[] = "b2$-";
	bool match = ids_code_matches(g_code_key, hash ? hash : none, code);
	return hash && match;
}
