/*
 * store.h -- SQLite persistence: the connection, migrations, transactions.
 * All SQL lives in store/; nothing outside store/ includes <sqlite3.h>.
 * One struct store per thread: statements are prepared once per connection
 * and cached by their (static) SQL text's address.
 */
#ifndef BM_STORE_H
#define BM_STORE_H

#include "util/util.h"

struct store;

/*
 * Process-wide SQLite set-up, before any connection opens: memory statistics
 * off (a global mutex on every allocation otherwise; about 13% of the
 * request rate on these machines).  Returns ERR_OK or ERR_DB.
 */
enum err store_library_init(void);

/*
 * Opens (creating if needed) the database at path: WAL, foreign keys on,
 * synchronous=FULL (a commit is on disk before we answer), busy timeout.
 * Returns NULL and a message in err on failure.  The caller owns the store.
 */
struct store *store_open(const char *path, char *err, size_t errsz);
void store_close(struct store *st); /* NULL is a no-op */

/*
 * Applies every sql/migrations/NNN-*.sql under root newer than the
 * database's user_version, each in its own transaction.
 */
enum err store_migrate(struct store *st, const char *root, char *err, size_t errsz);
/* Runs a whole SQL script (demo data) in one transaction. */
enum err store_exec_script(struct store *st, const char *sql, char *err, size_t errsz);
/*
 * Copies the live database to path with SQLite's online backup API (the
 * portal keeps serving), then checks the copy with PRAGMA integrity_check.
 * Returns ERR_OK, or ERR_IO/ERR_DB with a message in err.
 */
enum err store_backup(struct store *st, const char *path, char *err, size_t errsz);

/* Schema version (PRAGMA user_version). */
int store_version(struct store *st);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; nested calls are not supported. */
enum err store_begin(struct store *st);
enum err store_commit(struct store *st);
void store_rollback(struct store *st);
/*
 * Ends a store_begin transaction: commits when e is ERR_OK, rolls back
 * otherwise.  Returns ERR_OK only when the commit succeeded.
 */
enum err store_finish(struct store *st, enum err e);

/* ERR_OK when the database answers a trivial query. */
enum err store_ping(struct store *st);
/* The public-content generation (bumped by triggers on every content change). */
long long store_content_gen(struct store *st);
/* A value from the settings table (arena copy), or NULL. */
const char *store_setting(struct store *st, struct arena *a, const char *key);
enum err store_set_setting(struct store *st, const char *key, const char *value);
/* Last SQLite error message on this connection, for logs. */
const char *store_errmsg(struct store *st);

#endif
