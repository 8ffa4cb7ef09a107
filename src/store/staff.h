/*
 * staff.h -- staff accounts, sessions, attempt counting (throttling) and the
 * append-only audit log.  Strings returned live in the caller's arena.
 */
#ifndef BM_STORE_STAFF_H
#define BM_STORE_STAFF_H

#include <time.h>

#include "domain/role.h"
#include "store/store.h"

struct user_rec {
	long long id;
	const char *username;
	const char *display_name;
	enum role role;   /* ROLE__MAX: a name the database holds that no role has */
	const char *unit; /* NULL: office-wide */
	const char *unit_name[LANG__MAX];
	const char *phone;
	const char *pw_hash;
	bool active;
	const char *email; /* notifications go here; NULL: none */
};

/* Adds or updates (by username) a user; pw_hash already argon2id. */
enum err store_user_upsert(struct store *st, const char *username, const char *display_name, enum role role,
                           const char *unit, const char *phone, const char *pw_hash, char *err, size_t errsz);
/* Disables (no sign-in, sessions refused) or enables an account. */
enum err store_user_set_active(struct store *st, long long id, bool active);
/* Replaces the password hash (argon2id). */
enum err store_user_set_password(struct store *st, long long id, const char *pw_hash);
enum err store_user_by_name(struct store *st, struct arena *a, const char *username, struct user_rec *out);
enum err store_user_by_id(struct store *st, struct arena *a, long long id, struct user_rec *out);
/* Active users of a unit with one of the roles in the comma list (e.g. "officer,head"). */
enum err store_users_of_unit(struct store *st, struct arena *a, const char *unit, struct user_rec **out, size_t *n);

/* Sessions: token_hash is the hex hash of the cookie token. */
enum err store_session_new(struct store *st, const char *token_hash, long long user_id, const char *csrf, time_t now,
                           const char *ip);
/*
 * Loads the session and its user, if it exists and is within both timeouts
 * (idle_s since last_seen, absolute_s since created); touches last_seen.
 * Expired sessions are deleted.  ERR_NOTFOUND when none is valid.
 */
enum err store_session_get(struct store *st, struct arena *a, const char *token_hash, time_t now, int idle_s,
                           int absolute_s, struct user_rec *user, const char **csrf);
enum err store_session_end(struct store *st, const char *token_hash);
/* Ends every session of a user (password changed, account disabled). */
enum err store_sessions_end_user(struct store *st, long long user_id);

/*
 * Throttling.  An attempt of a kind ('login', 'lookup', 'petition') is
 * counted under several keys ("addr:IP|user:NAME", "user:NAME", ...), each
 * with its own limit in a window of seconds that opens at the key's first
 * attempt and starts again once it has passed.
 */
struct attempt_limit {
	const char *key;
	int max; /* attempts allowed under key in the window */
};
/*
 * The one throttle decision, atomic: in a single write transaction (the
 * caller's, when one is open; else its own) reads each key's count in its
 * open window and, only when every count is under its max, counts this
 * one under every key and deletes the kind's windows that have passed.
 * ERR_OK: allowed and counted.  ERR_LIMIT: refused, nothing written;
 * *retry_s is the seconds until the full window closes.  ERR_DB: the
 * store cannot be written: callers refuse too.
 */
enum err store_attempt_take(struct store *st, const char *kind, const struct attempt_limit *lim, size_t n, time_t now,
                            int window, long *retry_s);
/* Takes back one attempt counted at 'at' under each key (a sign-in that succeeded). */
enum err store_attempt_undo(struct store *st, const char *kind, const struct attempt_limit *lim, size_t n, time_t at);
enum err store_attempt_clear(struct store *st, const char *kind, const char *key);

/* Appends one audit row.  user_id 0 = nobody signed in. */
enum err store_audit(struct store *st, long long user_id, const char *username, const char *action, const char *object,
                     const char *detail, const char *ip);

struct audit_rec {
	long long id;
	const char *at, *username, *action, *object, *detail, *ip;
};
/* Newest audit rows first (optionally only for one object). */
enum err store_audit_list(struct store *st, struct arena *a, const char *object, int limit, struct audit_rec **out,
                          size_t *n);

/* What the audit log page asks for; NULL (or "") fields do not filter. */
struct audit_filter {
	const char *unit;      /* rows about this unit's cases, petitions and FAQ entries, or by its staff */
	const char *username;  /* who did it */
	const char *object;    /* a record: "case:…", "petition:…", "faq:…", or a bare case or petition number */
	const char *from, *to; /* office days (YYYY-MM-DD, Taipei time), both included */
};
/* Matching rows, newest first, skipping offset and returning at most limit. */
enum err store_audit_search(struct store *st, struct arena *a, const struct audit_filter *f, int limit, int offset,
                            struct audit_rec **out, size_t *n);

#endif
