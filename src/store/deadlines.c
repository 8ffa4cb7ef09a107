/*
 * deadlines.c -- see deadlines.h.
 */
#include "store/calendar.h"
#include "store/cases.h"
#include "store/deadlines.h"

enum err store_recompute_due(struct store *st)
{
	const struct cal *c = store_calendar(st);
	if (!c)
		return ERR_DB;
	return store_cases_recompute_due(st, c);
}
