/*
 * role.h -- the staff roles and their names as the database stores them.
 * Pure domain code: libc only.  The access decision that uses them is in
 * domain/access.c; `bianmin admin` checks a new user's role here.
 */
#ifndef BM_DOMAIN_ROLE_H
#define BM_DOMAIN_ROLE_H

#include <stdbool.h>

enum role {
	ROLE_COUNTER, /* 臨櫃服務人員 */
	ROLE_HOTLINE, /* 1999 話務人員 */
	ROLE_OFFICER, /* 承辦人 */
	ROLE_HEAD,    /* 課長、主任秘書、研考 */
	ROLE_ADMIN,
	ROLE_VILLAGE, /* 里幹事: their own villages' pages only */
	ROLE__MAX
};

#define ROLE_BIT(r) (1u << (r))
#define ROLES_STAFF (ROLE_BIT(ROLE__MAX) - 1)

/* "counter" -> ROLE_COUNTER; ROLE__MAX for anything else (and NULL). */
enum role role_parse(const char *s);
/* The database's name of r; "none" for anything out of range. */
const char *role_name(enum role r);
/* An officer works a unit's queue, so an officer's account must name a unit. */
bool role_needs_unit(enum role r);

#endif
