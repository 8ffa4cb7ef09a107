/*
 * calendar.h -- the office calendar in the database: imported official
 * days, local closures, and the struct cal built from them.
 */
#ifndef BM_STORE_CALENDAR_H
#define BM_STORE_CALENDAR_H

#include "domain/cal.h"
#include "store/store.h"

/*
 * This connection's calendar, rebuilt when the calendar changed (any
 * process).  Owned by the store; valid until the next call.  NULL on error.
 */
const struct cal *store_calendar(struct store *st);

/*
 * Imports an official calendar CSV (see cal_parse_csv) in one transaction;
 * *rows gets the number of days.  ERR_INVAL with a message for a bad file.
 */
enum err store_calendar_import(struct store *st, const char *data, size_t len, size_t *rows, char *err, size_t errsz);

struct year_rec {
	int year;
	int days, open_days;
};
/* Imported years with their day counts. */
enum err store_calendar_years(struct store *st, struct arena *a, struct year_rec **out, size_t *n);

struct closure_rec {
	const char *day, *reason, *created_by;
};
enum err store_closures(struct store *st, struct arena *a, struct closure_rec **out, size_t *n);
/* Adds a local closure (ERR_CONFLICT when that day is already closed). */
enum err store_closure_add(struct store *st, const char *day, const char *reason, const char *by);

#endif
