/*
 * deadlines.h -- recomputing every open item's due date after the office
 * calendar changed (a typhoon closure).  One call covers cases and
 * petitions; run it inside the transaction that changed the calendar.
 */
#ifndef BM_STORE_DEADLINES_H
#define BM_STORE_DEADLINES_H

#include "store/store.h"

enum err store_recompute_due(struct store *st);

#endif
