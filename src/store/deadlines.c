/*
 * deadlines.c -- see deadlines.h.
 */
#include "store/deadlines.h"
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
