/*
 * accounts.h -- staff accounts as the administrator's accounts page keeps
 * them (issue #11): the list, a new account, a change of name, role, unit
 * or notification e-mail.  Passwords, enabling and sessions: store/staff.h.
 * Strings returned live in the caller's arena.
 */
#ifndef BM_STORE_ACCOUNTS_H
#define BM_STORE_ACCOUNTS_H

#include "store/staff.h"

/* Every account, enabled first, then by username. */
enum err store_users_all(struct store *st, struct arena *a, struct user_rec **out, size_t *n);

struct account_edit {
	const char *username; /* adding only */
	const char *display_name;
	const char *role;    /* role_name() */
	const char *unit;    /* NULL: office-wide */
	const char *email;   /* NULL: none */
	const char *pw_hash; /* adding only: argon2id */
};
/* Adds an account; *id its users.id.  ERR_CONFLICT: the username is taken (or the unit is unknown). */
enum err store_user_create(struct store *st, const struct account_edit *u, long long *id);
/* Changes account id's name, role, unit and e-mail.  ERR_NOTFOUND: none; ERR_CONFLICT: unknown unit. */
enum err store_user_update(struct store *st, long long id, const struct account_edit *u);

#endif
