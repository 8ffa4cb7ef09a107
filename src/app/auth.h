/*
 * auth.h -- who is asking: staff sessions, roles, CSRF tokens, and the
 * access decision made on every request from the session's role and unit
 * (never from anything posted).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_AUTH_H
#define BM_AUTH_H

#include "app/http.h"
#include "app/router.h"
#include "domain/access.h" /* the access rules; enum role comes with it */
#include "domain/ids.h"
#include "domain/password.h"
#include "store/staff.h"

/* Session lifetimes (seconds). */
enum { SESSION_IDLE = 30 * 60, SESSION_ABSOLUTE = 12 * 3600 };

struct session {
	struct user_rec user; /* user.role: a role, never ROLE__MAX */
	const char *csrf;
	const char *token_hash;
};

/* True when the signed-in user has one of the roles in mask. */
bool auth_has(const struct req *rq, unsigned mask);
/* The signed-in user as the access rules see them (domain/access.h); nobody: role ROLE__MAX. */
struct actor auth_actor(const struct req *rq);

/*
 * Decides whether rq may run route r: loads the session from the cookie,
 * checks the role and, for POST, the CSRF token.  Returns true to go on;
 * false when rs already holds the answer (redirect to sign-in, 403).
 */
bool auth_allows(struct req *rq, struct resp *rs, const struct route *r);

/* The CSRF token for forms on this page (session's, or the visitor cookie's, made if needed). */
const char *auth_csrf(struct req *rq);

/*
 * Signs in: starts a new session for user (fresh random id), sets the
 * cookie on the response.  Returns ERR_OK.
 */
enum err auth_login(struct req *rq, const struct user_rec *user);
/* Ends the current session on the server and clears the cookie. */
void auth_logout(struct req *rq);

/*
 * One form, one record (petitions, cases).  auth_form_once: the form's
 * one-time token -- the one posted with this request when it is well
 * formed (a form shown again with its errors keeps it), else a fresh one.
 * After the POST makes (or finds) its record, auth_receipt_set puts the
 * token in a short-lived HttpOnly cookie and the answer is a 303 to the
 * receipt page, which reads it back with auth_receipt_once (NULL when
 * absent): the query code the token yields never travels in a URL, and a
 * refresh of the receipt is a GET that changes nothing.
 */
const char *auth_form_once(struct req *rq);
void auth_receipt_set(struct req *rq, const char *once);
const char *auth_receipt_once(struct req *rq);

/* Appends an audit row for the current user (or nobody).  ERR_OK or ERR_DB. */
enum err auth_audit(struct req *rq, const char *action, const char *object, const char *detail);

/*
 * Query codes (case and petition lookup): ids_code_hash under the key that
 * app_init loads (store_key_load).  auth_verify_code with a NULL hash checks
 * against a fixed hash, so "no such number" costs as much as "wrong code".
 */
void auth_set_code_key(const unsigned char key[CODE_KEY_BYTES]);
void auth_hash_code(const char *code, char out[CODE_HASH_SIZE]);
bool auth_verify_code(const char *hash, const char *code);
/*
 * A password hash nobody's password matches (for unknown user names), made
 * at first use by password_hash: same argon2id parameters, same cost.
 */
const char *auth_dummy_hash(void);

/* Random hex string of 2*nbytes characters in the arena. */
const char *auth_random_hex(struct arena *a, size_t nbytes);

#endif
