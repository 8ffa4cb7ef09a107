/*
 * role.c -- role names (see role.h).
 */
#include "domain/role.h"

#include <string.h>

static const char *const role_names[ROLE__MAX] = {
    "counter", /* ROLE_COUNTER */
    "hotline", /* ROLE_HOTLINE */
    "officer", /* ROLE_OFFICER */
    "head",    /* ROLE_HEAD */
    "admin",   /* ROLE_ADMIN */
    "village", /* ROLE_VILLAGE */
};

enum role role_parse(const char *s)
{
	for (int r = 0; s && r < ROLE__MAX; r++)
		if (strcmp(s, role_names[r]) == 0)
			return (enum role)r;
	return ROLE__MAX;
}

const char *role_name(enum role r)
{
	return r < ROLE__MAX ? role_names[r] : "none";
}

bool role_needs_unit(enum role r)
{
	return r == ROLE_OFFICER;
}
