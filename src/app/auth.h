/*
 * auth.h -- who is asking: staff sessions, roles, CSRF tokens, and the
 * access decision made on every request from the session's role (never
 * from anything posted).
 *
 * Must not include: sqlite3.h, microhttpd.h, fcgiapp.h.
 */
#ifndef BM_AUTH_H
#define BM_AUTH_H

#include "app/http.h"
#include "app/router.h"

enum role {
	ROLE_COUNTER, /* 臨櫃服務人員 */
	ROLE_HOTLINE, /* 1999 話務人員 */
	ROLE_OFFICER, /* 承辦人 */
	ROLE_HEAD,    /* 課長、主任秘書、研考 */
	ROLE_ADMIN,
	ROLE__MAX
};

#define ROLE_BIT(r) (1u << (r))
#define ROLES_STAFF (ROLE_BIT(ROLE__MAX) - 1)

/*
 * Decides whether rq may run route r: loads the session from the cookie,
 * checks the role and, for POST, the CSRF token.  Returns true to go on;
 * false when rs already holds the answer (redirect to login, 403).
 */
bool auth_allows(struct req *rq, struct resp *rs, const struct route *r);

#endif
