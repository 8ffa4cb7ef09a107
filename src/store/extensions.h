/*
 * extensions.h -- extension requests (展期) of petitions and of cases
 * alike: the assigned officer asks, a head decides (domain/access.h).
 * Writes are the caller's transaction; strings live in the caller's arena.
 */
#ifndef BM_STORE_EXTENSIONS_H
#define BM_STORE_EXTENSIONS_H

#include "store/flags.h"
#include "store/store.h"

struct extension_rec {
	long long id;
	const char *asked_by, *asked_at, *old_due, *new_due, *reason;
	int days;             /* cases: working days asked for; petitions: 0 (they ask for a date) */
	const char *decision; /* NULL: waiting */
	const char *decided_by, *decided_at, *note;
};

/* The requests about item id of kind (IK_PETITION or IK_CASE), oldest first. */
enum err store_extensions(struct store *st, struct arena *a, enum item_kind kind, long long id,
                          struct extension_rec **out, size_t *n);
/* The waiting request into *out: ERR_OK, ERR_NOTFOUND when none waits, ERR_DB. */
enum err store_extension_waiting(struct store *st, struct arena *a, enum item_kind kind, long long id,
                                 struct extension_rec *out);

struct extension_ask {
	long long user_id;
	const char *at, *old_due, *new_due, *reason;
	int days; /* cases only */
};
/* A new request; ERR_CONFLICT when one is already waiting. */
enum err store_extension_ask(struct store *st, enum item_kind kind, long long id, const struct extension_ask *x);
/* Decides the waiting request ext_id; ERR_CONFLICT when it was decided meanwhile. */
enum err store_extension_decide(struct store *st, enum item_kind kind, long long ext_id, const char *decision,
                                long long user_id, const char *at, const char *note);

#endif
