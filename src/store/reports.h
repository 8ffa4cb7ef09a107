/*
 * reports.h -- the monthly control report (管制考核) of petitions and of
 * applications (申辦案件), per unit, counted the same way.
 */
#ifndef BM_STORE_REPORTS_H
#define BM_STORE_REPORTS_H

#include "domain/cal.h"
#include "store/flags.h"
#include "store/store.h"

struct report_row {
	const char *unit; /* NULL: petitions not yet routed */
	const char *unit_name[LANG__MAX];
	int received, closed_on_time, closed_late, open, open_overdue;
	int closed_days_total; /* working days from receipt to closing, summed over closed ones */
	int rated, rating_total;
};
/*
 * Per unit, the items of kind (IK_PETITION or IK_CASE) received from
 * "from" to "to" (office dates, inclusive): how many, closed on time
 * (closed, for an application decided, on or before the due date in
 * force, extensions included) or late, still open and overdue as of
 * today, working days to close, satisfaction ratings.
 */
enum err store_report(struct store *st, struct arena *a, enum item_kind kind, const struct cal *c, const char *from,
                      const char *to, int32_t today, struct report_row **out, size_t *n);

#endif
