/*
 * deadlines.h -- recomputing every open item's due date after the office
 * calendar changed (a typhoon closure).  One call covers cases and
 * petitions; run it inside the transaction that changed the calendar.
 */
#ifndef BM_STORE_DEADLINES_H
#define BM_STORE_DEADLINES_H

#include "store/store.h"

enum err store_recompute_due(struct store *st);

/*
 * The warning tier: an open item with at most this many working days left
 * is "near" its deadline.  The setting near_days, 0 to 30; 2 when unset or
 * out of range.  The staff pages and the scheduler both read it here.
 */
enum { NEAR_DAYS_DEFAULT = 2, NEAR_DAYS_MAX = 30 };
int store_near_days(struct store *st);

#endif
