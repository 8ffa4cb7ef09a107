/*
 * internal.h -- what the store's own files share: the connection struct,
 * the prepared-statement cache and column helpers.  Included only by
 * the files of src/store.
 */
#ifndef BM_STORE_INTERNAL_H
#define BM_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store/store.h"

enum { STMT_SLOTS = 256 }; /* power of two, more than the distinct statements */

struct cal;

struct store {
	sqlite3 *db;
	struct cal *cal;   /* this connection's copy of the office calendar */
	long long cal_gen; /* calendar_gen it was built at */
	struct {
		const char *sql; /* key: the static SQL text's address */
		sqlite3_stmt *stmt;
	} cache[STMT_SLOTS];
	bool in_tx;         /* between store_begin and store_finish */
	bool writer;        /* holds this process's writer turn (db.c) */
	bool reading;       /* between store_read_begin and store_read_end */
	long long tidy_gen; /* content generation of the last search index merge (search.c); 0: none yet */
	/* the content generation as last read, and the WAL index header's checksum then (db.c store_content_gen) */
	const volatile uint32_t *wal_hdr; /* the WAL-index header, mapped read-only; NULL: not mapped */
	uint64_t gen_wal;
	long long gen;
	enum err tx_err; /* the transaction's first error (sticky) */
};

/*
 * Returns the prepared statement for static SQL text sql, reset and with
 * bindings cleared, preparing it on first use.  NULL on a prepare error
 * (logged).  The statement belongs to the store.
 */
sqlite3_stmt *stmt_get(struct store *st, const char *sql);

/*
 * Inside a transaction, e (when an error) becomes the transaction's error
 * unless it has one already; from then on stmt_get returns NULL without a
 * word, so every later call of the transaction does nothing.  Returns e.
 * stmt_done, stmt_each and stmt_changed_one note their errors; a store
 * function that refuses on its own (ERR_INVAL, ERR_CONFLICT) returns
 * tx_note(st, ERR_...).
 */
enum err tx_note(struct store *st, enum err e);

/* Column i as an arena copy; NULL for SQL NULL. */
const char *col_str(sqlite3_stmt *s, int i, struct arena *a);
/* Bind helpers: a NULL string binds SQL NULL; bind_opt binds NULL for "" too. */
void bind_str(sqlite3_stmt *s, int i, const char *v);
void bind_opt(sqlite3_stmt *s, int i, const char *v);

/*
 * Steps s to its end, calling row(ctx, s) on each row, and resets it.
 * Stops at the first row whose function returns an error and returns that
 * error; otherwise ERR_OK only when the last step was SQLITE_DONE: a step
 * that fails (I/O, corruption, a function's error, SQLITE_BUSY) is ERR_DB
 * (logged), never a shorter list.  s NULL (a failed stmt_get) is ERR_DB.
 * Every loop over rows in the store goes through here.
 */
enum err stmt_each(struct store *st, sqlite3_stmt *s, enum err (*row)(void *ctx, sqlite3_stmt *s), void *ctx);

/* Fills item (zeroed) from the current row of s, strings copied into a. */
typedef void row_fill(sqlite3_stmt *s, struct arena *a, void *item);

/*
 * Runs list statement s (bound, not yet stepped) into a new arena array
 * *items of *n elem-sized items, zeroed, one per row, that fill reads the
 * row into; the array grows by doubling.  Returns as stmt_each; on an
 * error the list is empty (*items NULL, *n 0), so nobody shows half of it.
 */
enum err stmt_list(struct store *st, sqlite3_stmt *s, struct arena *a, void **items, size_t *n, size_t elem,
                   row_fill *fill);
/* stmt_list for an array out of T (T **out), with elem from out's type. */
#define STMT_LIST(st, s, a, out, n, fill) stmt_list((st), (s), (a), (void **)(out), (n), sizeof **(out), (fill))

/* The result of stepping a one-row lookup: ERR_OK (a row), ERR_NOTFOUND or ERR_DB. */
enum err row_err(int rc);
/*
 * A lookup by a unique text key: runs static sql with key bound to ?1 and
 * fills out from its row.  ERR_OK (a row), ERR_NOTFOUND or ERR_DB.
 */
enum err stmt_one_by(struct store *st, struct arena *a, const char *sql, const char *key, void *out, row_fill *fill);
/* A satisfaction rating on a record: sql binds ?1 id, ?2 rating, ?3 note (or NULL), ?4 at; as stmt_changed_one. */
enum err stmt_rate(struct store *st, const char *sql, long long id, int rating, const char *note, const char *at);
/* The same by a numeric id bound to ?1. */
enum err stmt_one_by_id(struct store *st, struct arena *a, const char *sql, long long id, void *out, row_fill *fill);

/*
 * The next daily sequence for a case or petition number: one past the
 * sequence of the number sql selects for the day bound to ?1 (the day's
 * newest row, through the index on its day: the cost does not grow with
 * the day's rows as counting them did).  -1 on a database error (noted
 * as the transaction's, see tx_note).
 */
int stmt_day_next_seq(struct store *st, const char *sql, const char *day);

/* Steps an INSERT (stmt_done) and, when it worked and id is not NULL, sets *id to the new rowid. */
enum err stmt_insert(struct store *st, sqlite3_stmt *s, long long *id);

/* Steps a statement that returns no rows; ERR_OK on SQLITE_DONE, ERR_CONFLICT on a constraint. */
enum err stmt_done(struct store *st, sqlite3_stmt *s);
/* stmt_done for an UPDATE or DELETE that must change a row: ERR_CONFLICT when it matched none. */
enum err stmt_changed_one(struct store *st, sqlite3_stmt *s);

#endif
