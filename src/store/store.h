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
 * Opens the existing database at path: WAL, foreign keys on,
 * synchronous=FULL (a commit is on disk before we answer), busy timeout.
 * Never creates it (a mistyped path is an error, not an empty database).
 * Returns NULL and a message in err on failure.  The caller owns the store.
 */
struct store *store_open(const char *path, char *err, size_t errsz);
/* store_open, creating the file first (mode 0600) when it is missing: `admin init` only. */
struct store *store_create(const char *path, char *err, size_t errsz);
void store_close(struct store *st); /* NULL is a no-op */

/*
 * The database's secret key (the key of the query codes' hashes), in
 * DB.key beside it, outside the database: a copy of the database alone
 * cannot test guesses.  store_key_create makes it (0600) unless it is
 * there; store_key_load refuses a missing, malformed or group-readable one,
 * saying what to do.
 */
enum { STORE_KEY_BYTES = 32 };
enum err store_key_create(const char *db_path, char *err, size_t errsz);
enum err store_key_load(const char *db_path, unsigned char key[STORE_KEY_BYTES], char *err, size_t errsz);
/* Whether DB.key exists (valid or not). */
bool store_key_exists(const char *db_path);
/* Records whose query code was hashed under the key (-1 on an error): a lost key is then a loss. */
long store_keyed_codes(struct store *st);

/*
 * Applies every sql/migrations/NNN-*.sql under root newer than the
 * database's user_version, each in its own transaction.
 */
enum err store_migrate(struct store *st, const char *root, char *err, size_t errsz);
/* The highest migration number under root (what a database must be at), or -1 with err. */
int store_schema_latest(const char *root, char *err, size_t errsz);
/*
 * ERR_OK when the database (at path, for the message) has exactly the
 * schema of root's migrations; otherwise a message in err that says what
 * to do (older: run `bianmin admin init`).
 */
enum err store_check_schema(struct store *st, const char *path, const char *root, char *err, size_t errsz);
/* Runs a whole SQL script (demo data) in one transaction. */
enum err store_exec_script(struct store *st, const char *sql, char *err, size_t errsz);
/*
 * Copies the live database to path with SQLite's online backup API (the
 * portal keeps serving), checks the copy with PRAGMA integrity_check and
 * only then gives it its name, mode 0600.  An existing path is refused
 * (ERR_CONFLICT) unless overwrite.  Returns ERR_OK, or ERR_CONFLICT/ERR_IO/
 * ERR_DB with a message in err.
 */
enum err store_backup(struct store *st, const char *path, bool overwrite, char *err, size_t errsz);
/*
 * Replaces the database at path (created 0600 when missing) by the backup
 * from: checks the backup first (integrity, a schema version from 1 to
 * root's latest), takes an exclusive lock on path (ERR_CONFLICT at once
 * while any other process holds it open), keeps the replaced database as
 * "PATH.replaced-YYYYMMDDTHHMMSSZ" (its name in kept, "" when path was
 * empty), copies, and checks the result.  Needs no struct store: the
 * target may not exist.
 */
enum err store_restore(const char *path, const char *from, const char *root, char *kept, size_t keptsz, char *err,
                       size_t errsz);

/* Schema version (PRAGMA user_version). */
int store_version(struct store *st);

/*
 * The one way to write: a transaction with a sticky error, SQLite's own
 * pattern.
 *
 *     store_begin(st);                    BEGIN IMMEDIATE
 *     store_case_set_state(st, ...);      each call does nothing once one
 *     store_audit(st, ...);               of them (or the BEGIN) failed
 *     enum err e = store_finish(st);      COMMIT, or ROLLBACK after an error
 *
 * A call still returns its own result (an id, a lookup) to its caller;
 * inside the transaction its error is also the transaction's, the first one
 * kept.  store_finish returns that first error, or the COMMIT's, ERR_OK only
 * when everything is on disk.  Not nested.
 */
enum err store_begin(struct store *st); /* the transaction's error so far: the BEGIN's */
/* The caller's own refusal (ERR_INVAL, ...) fails the transaction unless it failed already; returns its error. */
enum err store_fail(struct store *st, enum err e);
enum err store_finish(struct store *st);

/*
 * One snapshot for a page that only reads: its statements share one read
 * lock, where each on its own takes and drops it (three system calls a
 * statement in WAL mode).  store_begin ends it first; both are no-ops for
 * a NULL store, store_read_end also when no snapshot is open.
 */
void store_read_begin(struct store *st);
void store_read_end(struct store *st);

/* ERR_OK when the database answers a trivial query and could be written (takes and drops the write lock). */
enum err store_ping(struct store *st);
/* The public-content generation (bumped by triggers on every content change). */
long long store_content_gen(struct store *st);
/* A value from the settings table (arena copy), or NULL. */
const char *store_setting(struct store *st, struct arena *a, const char *key);
enum err store_set_setting(struct store *st, const char *key, const char *value);
/* Statements that failed (other than constraint violations) in this process so far. */
unsigned long store_error_count(void);
/* Times this process waited for a lock held by another connection (/metrics). */
unsigned long store_busy_wait_count(void);
/* Last SQLite error message on this connection, for logs. */
const char *store_errmsg(struct store *st);

#endif
