/*
 * deadlines.c -- see deadlines.h.
 */
#include "store/deadlines.h"

#include <stdlib.h>

#include "store/calendar.h"
#include "store/cases.h"
#include "store/petitions.h"

enum err store_recompute_due(struct store *st)
{
	const struct cal *c = store_calendar(st);
	if (!c)
		return ERR_DB;
	enum err e = store_cases_recompute_due(st, c);
	if (e == ERR_OK)
		e = store_petitions_recompute_due(st, c);
	return e;
}

int store_near_days(struct store *st)
{
	struct arena *a = arena_new();
	const char *v = store_setting(st, a, "near_days");
	char *end = NULL;
	long n = v ? strtol(v, &end, 10) : -1;
	int days = v && *v && *end == '\0' && n >= 0 && n <= NEAR_DAYS_MAX ? (int)n : NEAR_DAYS_DEFAULT;
	arena_free(a);
	return days;
}
