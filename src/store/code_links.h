/*
 * code_links.h -- replacing a lost query code (issue 12, migration 028):
 * a record's new code hash, and the one-time links e-mailed to the
 * address on record (kept as a keyed hash of their token, good until
 * they expire and for one use).  Writes are the caller's transaction.
 */
#ifndef BM_STORE_CODE_LINKS_H
#define BM_STORE_CODE_LINKS_H

#include <time.h>

#include "store/store.h"

/*
 * Gives the record (item_kind "petition" or "case") the code hash
 * code_hash: the old code stops working, and so does every link not used
 * yet.  ERR_CONFLICT when there is no such record.
 */
enum err store_code_replace(struct store *st, const char *item_kind, long long item_id, const char *code_hash,
                            const char *at);

/* Records a link (its token's hash), good until expires; its id in *id. */
enum err store_code_link_add(struct store *st, const char *item_kind, long long item_id, const char *token_hash,
                             const char *at, time_t expires, long long *id);

struct code_link_rec {
	long long id;
	const char *item_kind;
	long long item_id;
	const char *no; /* the record's number */
	time_t expires;
	bool used;
};
/* The link whose token hashes to token_hash: ERR_OK, ERR_NOTFOUND or ERR_DB. */
enum err store_code_link_find(struct store *st, struct arena *a, const char *token_hash, struct code_link_rec *out);

#endif
