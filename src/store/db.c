/*
 * db.c -- the connection, its pragmas, the statement cache, migrations and
 * transactions.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "domain/cal.h"
#include "domain/ids.h"
#include "store/fts_cjk.h"
#include "store/internal.h"

/* statements that failed, in every connection of this process: /metrics */
static atomic_ulong g_db_errors;

unsigned long store_error_count(void)
{
	return atomic_load_explicit(&g_db_errors, memory_order_relaxed);
}

/* times a connection of this process found the database locked and waited: /metrics */
static atomic_ulong g_busy_waits;

unsigned long store_busy_wait_count(void)
{
	return atomic_load_explicit(&g_busy_waits, memory_order_relaxed);
}

/*
 * sqlite3_busy_timeout(5000) with a count: SQLite's own back-off (1 ms
 * growing to 100 ms), giving up once 5 s have been slept.
 */
static int busy_wait(void *unused, int tries)
{
	static const int delays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
	enum { NDELAYS = sizeof delays / sizeof delays[0], BUSY_TOTAL_MS = 5000 };
	(void)unused;
	int slept = 0;
	for (int i = 0; i < tries; i++)
		slept += delays[i < NDELAYS ? i : NDELAYS - 1];
	if (slept >= BUSY_TOTAL_MS)
		return 0;
	atomic_fetch_add_explicit(&g_busy_waits, 1, memory_order_relaxed);
	sqlite3_sleep(delays[tries < NDELAYS ? tries : NDELAYS - 1]);
	return 1;
}

enum err store_library_init(void)
{
	if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
		return ERR_DB;
	return sqlite3_initialize() == SQLITE_OK ? ERR_OK : ERR_DB;
}

/*
 * Creates path as an empty file readable by its owner only, unless it is
 * there already: SQLite would create it 0644, and its -wal and -shm files
 * take the database file's mode.  An empty file is an empty database.
 */
static enum err create_private(const char *path, char *err, size_t errsz)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		close(fd);
		return ERR_OK;
	}
	if (errno == EEXIST)
		return ERR_OK;
	snprintf(err, errsz, "%s: %m", path);
	return ERR_IO;
}

/*
 * The WAL index's first page as SQLite itself maps it (the VFS's xShmMap on
 * the connection's own file: no descriptor of ours, since closing one would
 * drop every fcntl lock this process holds on the -shm file), or NULL.  Its
 * header (https://sqlite.org/walformat.html) ends in a checksum of itself,
 * and every commit by any process rewrites it with a new frame count (or new
 * salts after a restart): a reader that sees the same checksum knows no write
 * happened, so store_content_gen answers a cached page's question without a
 * query or a system call.  (iChange alone would not do: WAL recovery
 * rebuilds the header and starts it again.)  The mapping lasts as long as
 * the connection.
 */
enum { WAL_INDEX_PAGE = 32768, WAL_HDR_CKSUM = 10 /* u32 index of aCksum[0] in the first header copy */ };

static const volatile uint32_t *map_wal_header(sqlite3 *db)
{
	sqlite3_file *f = NULL;
	volatile void *page = NULL;
	/* a read first, so the connection has opened its WAL index */
	if (sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f || !f->pMethods ||
	    f->pMethods->iVersion < 2 || f->pMethods->xShmMap(f, 0, WAL_INDEX_PAGE, 0, &page) != SQLITE_OK)
		return NULL;
	return page;
}

/* The WAL-index header's checksum as one number; 0 when not mapped. */
static uint64_t wal_state(const struct store *st)
{
	if (!st->wal_hdr)
		return 0;
	uint64_t hi = __atomic_load_n(&st->wal_hdr[WAL_HDR_CKSUM], __ATOMIC_ACQUIRE);
	return hi << 32 | __atomic_load_n(&st->wal_hdr[WAL_HDR_CKSUM + 1], __ATOMIC_ACQUIRE);
}

struct store *store_open(const char *path, char *err, size_t errsz)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		/* never SQLITE_OPEN_CREATE here: a mistyped --db must not leave an empty database behind */
		snprintf(err, errsz, "%s: %m; create it with: bianmin admin init --db %s", path, path);
		return NULL;
	}
	struct store *st = xcalloc(1, sizeof *st);
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", path, st->db ? sqlite3_errmsg(st->db) : "cannot open");
		store_close(st);
		return NULL;
	}
	sqlite3_busy_handler(st->db, busy_wait, NULL);
	static const char pragmas[] = "PRAGMA journal_mode=WAL;"
	                              "PRAGMA synchronous=FULL;"
	                              "PRAGMA foreign_keys=ON;"
	                              "PRAGMA temp_store=MEMORY;";
	char *msg = NULL;
	if (sqlite3_exec(st->db, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", path, msg ? msg : "pragma failed");
		sqlite3_free(msg);
		store_close(st);
		return NULL;
	}
	if (fts_cjk_register(st->db) != SQLITE_OK) {
		snprintf(err, errsz, "%s: cannot register the cjk tokenizer", path);
		store_close(st);
		return NULL;
	}
	st->wal_hdr = map_wal_header(st->db);
	return st;
}

struct store *store_create(const char *path, char *err, size_t errsz)
{
	return create_private(path, err, errsz) == ERR_OK ? store_open(path, err, errsz) : NULL;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < STMT_SLOTS; i++)
		sqlite3_finalize(st->cache[i].stmt);
	cal_free(st->cal);
	sqlite3_close(st->db);
	free(st);
}

enum err tx_note(struct store *st, enum err e)
{
	if (st->in_tx && st->tx_err == ERR_OK)
		st->tx_err = e;
	return e;
}

sqlite3_stmt *stmt_get(struct store *st, const char *sql)
{
	if (st->in_tx && st->tx_err != ERR_OK)
		return NULL; /* the transaction failed: the rest of it does nothing */
	size_t h = ((uintptr_t)sql >> 3) * 2654435761u;
	for (size_t k = 0; k < STMT_SLOTS; k++) {
		size_t i = (h + k) & (STMT_SLOTS - 1);
		if (st->cache[i].sql == sql) {
			sqlite3_stmt *s = st->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
		if (!st->cache[i].sql) {
			sqlite3_stmt *s;
			if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
				atomic_fetch_add_explicit(&g_db_errors, 1, memory_order_relaxed);
				fprintf(stderr, "<3>bianmin: prepare failed: %s\n  in: %.200s\n",
				        sqlite3_errmsg(st->db), sql);
				tx_note(st, ERR_DB);
				return NULL;
			}
			st->cache[i].sql = sql;
			st->cache[i].stmt = s;
			return s;
		}
	}
	fprintf(stderr, "bianmin: statement cache full\n");
	tx_note(st, ERR_DB);
	return NULL;
}

const char *col_str(sqlite3_stmt *s, int i, struct arena *a)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	if (!t)
		return NULL;
	return arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(s, i));
}

void bind_str(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	bind_str(s, i, v && *v ? v : NULL);
}

enum err stmt_each(struct store *st, sqlite3_stmt *s, enum err (*row)(void *ctx, sqlite3_stmt *s), void *ctx)
{
	if (!s)
		return tx_note(st, ERR_DB);
	enum err e = ERR_OK;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && (e = row(ctx, s)) == ERR_OK)
		;
	if (e == ERR_OK && rc != SQLITE_DONE) {
		fprintf(stderr, "bianmin: sql: %s\n  in: %.200s\n", sqlite3_errmsg(st->db), sqlite3_sql(s));
		e = ERR_DB;
	}
	sqlite3_reset(s);
	return tx_note(st, e);
}

struct list_ctx {
	struct arena *a;
	void **items;
	size_t *n, cap, elem;
	row_fill *fill;
};

static enum err list_row(void *ctx, sqlite3_stmt *s)
{
	struct list_ctx *l = ctx;
	l->fill(s, l->a, arena_push(l->a, l->items, l->n, &l->cap, l->elem));
	return ERR_OK;
}

enum err stmt_list(struct store *st, sqlite3_stmt *s, struct arena *a, void **items, size_t *n, size_t elem,
                   row_fill *fill)
{
	struct list_ctx l = {.a = a, .items = items, .n = n, .elem = elem, .fill = fill};
	*items = NULL;
	*n = 0;
	enum err e = stmt_each(st, s, list_row, &l);
	if (e != ERR_OK) {
		*items = NULL;
		*n = 0;
	}
	return e;
}

static bool writer_turn(void);
static void writer_done(void);

enum err stmt_done(struct store *st, sqlite3_stmt *s)
{
	if (!s)
		return tx_note(st, ERR_DB);
	/*
	 * A write outside a transaction waits for its turn like one: else it
	 * meets the writer's lock in SQLite's busy handler, which sleeps and
	 * polls while the other threads take turn after turn (seconds, under
	 * load).  Even an UPDATE that changes no row takes the write lock.
	 */
	bool lone = !st->writer && !sqlite3_stmt_readonly(s);
	if (lone && !writer_turn()) {
		sqlite3_reset(s);
		return tx_note(st, ERR_DB);
	}
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (lone)
		writer_done();
	if (rc == SQLITE_DONE)
		return ERR_OK;
	if (rc == SQLITE_CONSTRAINT)
		return tx_note(st, ERR_CONFLICT);
	atomic_fetch_add_explicit(&g_db_errors, 1, memory_order_relaxed);
	fprintf(stderr, "<3>bianmin: sql: %s\n", sqlite3_errmsg(st->db));
	return tx_note(st, ERR_DB);
}

enum err stmt_changed_one(struct store *st, sqlite3_stmt *s)
{
	enum err e = stmt_done(st, s);
	if (e == ERR_OK && sqlite3_changes(st->db) == 0)
		return tx_note(st, ERR_CONFLICT);
	return e;
}

enum err row_err(int rc)
{
	return rc == SQLITE_ROW ? ERR_OK : rc == SQLITE_DONE ? ERR_NOTFOUND : ERR_DB;
}

/* Steps bound statement s once: its row into out through fill, or ERR_NOTFOUND. */
static enum err step_one(sqlite3_stmt *s, struct arena *a, void *out, row_fill *fill)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		fill(s, a, out);
	sqlite3_reset(s);
	return row_err(rc);
}

enum err stmt_one_by(struct store *st, struct arena *a, const char *sql, const char *key, void *out, row_fill *fill)
{
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	bind_str(s, 1, key);
	return step_one(s, a, out, fill);
}

int stmt_day_next_seq(struct store *st, const char *sql, const char *day)
{
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return -1;
	bind_str(s, 1, day);
	int rc = sqlite3_step(s);
	int seq = rc == SQLITE_ROW ? ids_number_seq((const char *)sqlite3_column_text(s, 0)) + 1 : 1;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		tx_note(st, ERR_DB); /* the transaction's error, so it rolls back whole */
		return -1;
	}
	return seq;
}

enum err stmt_rate(struct store *st, const char *sql, long long id, int rating, const char *note, const char *at)
{
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, rating);
	bind_opt(s, 3, note);
	bind_str(s, 4, at);
	return stmt_changed_one(st, s);
}

enum err stmt_one_by_id(struct store *st, struct arena *a, const char *sql, long long id, void *out, row_fill *fill)
{
	sqlite3_stmt *s = stmt_get(st, sql);
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return step_one(s, a, out, fill);
}

enum err stmt_insert(struct store *st, sqlite3_stmt *s, long long *id)
{
	enum err e = stmt_done(st, s);
	if (e == ERR_OK && id)
		*id = sqlite3_last_insert_rowid(st->db);
	return e;
}

const char *store_errmsg(struct store *st)
{
	return sqlite3_errmsg(st->db);
}

static enum err exec(struct store *st, const char *sql, char *err, size_t errsz)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errsz, "%s", msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return ERR_DB;
	}
	return ERR_OK;
}

int store_version(struct store *st)
{
	sqlite3_stmt *s = stmt_get(st, "PRAGMA user_version");
	int v = (s && sqlite3_step(s) == SQLITE_ROW) ? sqlite3_column_int(s, 0) : -1;
	if (s)
		sqlite3_reset(s);
	return v;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The migration files under root, sorted by name (= by number); returns how
 * many (at most max), or -1 with a message in err.  The caller frees them.
 */
static int list_migrations(const char *root, char *dir, size_t dirsz, char **names, int max, char *err, size_t errsz)
{
	snprintf(dir, dirsz, "%s/sql/migrations", root);
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errsz, "%s: cannot open migrations folder", dir);
		return -1;
	}
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)) && n < max)
		if (de->d_name[0] >= '0' && de->d_name[0] <= '9' && strstr(de->d_name, ".sql"))
			names[n++] = xstrdup(de->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof *names, cmp_name);
	return n;
}

int store_schema_latest(const char *root, char *err, size_t errsz)
{
	char dir[1024], *names[256];
	int n = list_migrations(root, dir, sizeof dir, names, 256, err, errsz);
	int latest = n > 0 ? atoi(names[n - 1]) : -1;
	if (n == 0)
		snprintf(err, errsz, "%s: no migrations", dir);
	for (int i = 0; i < n; i++)
		free(names[i]);
	return latest;
}

enum err store_check_schema(struct store *st, const char *path, const char *root, char *err, size_t errsz)
{
	int want = store_schema_latest(root, err, errsz);
	if (want < 0)
		return ERR_IO;
	int have = store_version(st);
	if (have < want) {
		snprintf(err, errsz,
		         "%s: schema version %d, this program needs %d; stop the portal and run: "
		         "bianmin admin init --db %s",
		         path, have, want, path);
		return ERR_DB;
	}
	if (have > want) {
		snprintf(err, errsz,
		         "%s: schema version %d is newer than this program knows (%d); install the newer bianmin", path,
		         have, want);
		return ERR_DB;
	}
	return ERR_OK;
}

enum err store_migrate(struct store *st, const char *root, char *err, size_t errsz)
{
	char dir[1024], *names[256];
	int n = list_migrations(root, dir, sizeof dir, names, 256, err, errsz);
	if (n < 0)
		return ERR_IO;

	enum err rc = ERR_OK;
	int have = store_version(st);
	for (int i = 0; i < n; i++) {
		int v = atoi(names[i]);
		if (rc != ERR_OK || v <= have)
			continue;
		char path[1400], *sql;
		size_t len;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (file_read(path, &sql, &len) != ERR_OK) {
			snprintf(err, errsz, "%s: cannot read", path);
			rc = ERR_IO;
			continue;
		}
		char ver[64];
		snprintf(ver, sizeof ver, ";PRAGMA user_version=%d;", v);
		rc = exec(st, "BEGIN IMMEDIATE", err, errsz);
		if (rc == ERR_OK)
			rc = exec(st, sql, err, errsz);
		if (rc == ERR_OK)
			rc = exec(st, ver, err, errsz);
		if (rc == ERR_OK)
			rc = exec(st, "COMMIT", err, errsz);
		else {
			size_t l = strlen(err);
			snprintf(err + l, errsz - l, " (in %s)", names[i]);
			exec(st, "ROLLBACK", (char[64]){0}, 64);
		}
		free(sql);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	return rc;
}

enum err store_exec_script(struct store *st, const char *sql, char *err, size_t errsz)
{
	enum err rc = exec(st, "BEGIN IMMEDIATE", err, errsz);
	if (rc == ERR_OK)
		rc = exec(st, sql, err, errsz);
	if (rc == ERR_OK)
		return exec(st, "COMMIT", err, errsz);
	exec(st, "ROLLBACK", (char[64]){0}, 64);
	return rc;
}

/*
 * One write transaction at a time in this process, in the order asked: a
 * thread waiting here wakes the moment the writer before it commits, where
 * SQLite's busy handler polls with sleeps of up to 100 ms (under load, most
 * of a request's time).  The turn goes to the longest waiter, so a thread
 * that commits and comes straight back cannot pass one that has waited (a
 * mutex promises no order).  Other processes (the scheduler, admin
 * commands) still meet the busy handler.  The wait is bounded like the busy
 * handler's, so a mistake can slow a request, never hang it.
 */
struct writer_waiter {
	pthread_cond_t wake;
	bool granted;
	struct writer_waiter *next;
};

static struct {
	pthread_mutex_t mu;
	bool taken;
	struct writer_waiter *head, *tail; /* waiting, first come first */
} g_writer = {.mu = PTHREAD_MUTEX_INITIALIZER};

static bool writer_turn(void)
{
	enum { WRITER_WAIT_S = 5 };
	pthread_mutex_lock(&g_writer.mu);
	if (!g_writer.taken) {
		g_writer.taken = true;
		pthread_mutex_unlock(&g_writer.mu);
		return true;
	}
	struct writer_waiter me = {.wake = PTHREAD_COND_INITIALIZER};
	if (g_writer.tail)
		g_writer.tail->next = &me;
	else
		g_writer.head = &me;
	g_writer.tail = &me;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += WRITER_WAIT_S;
	while (!me.granted && pthread_cond_timedwait(&me.wake, &g_writer.mu, &until) == 0)
		;
	if (!me.granted) { /* gave up: leave the queue */
		struct writer_waiter **pp = &g_writer.head, *prev = NULL;
		while (*pp != &me) {
			prev = *pp;
			pp = &(*pp)->next;
		}
		*pp = me.next;
		if (g_writer.tail == &me)
			g_writer.tail = prev;
	}
	pthread_mutex_unlock(&g_writer.mu);
	pthread_cond_destroy(&me.wake);
	return me.granted;
}

/* Hands the turn to the first waiter, if any (it stays taken), else frees it. */
static void writer_done(void)
{
	pthread_mutex_lock(&g_writer.mu);
	struct writer_waiter *w = g_writer.head;
	if (w) {
		g_writer.head = w->next;
		if (!g_writer.head)
			g_writer.tail = NULL;
		w->granted = true;
		pthread_cond_signal(&w->wake);
	} else {
		g_writer.taken = false;
	}
	pthread_mutex_unlock(&g_writer.mu);
}

void store_read_begin(struct store *st)
{
	if (st && !st->in_tx && !st->reading)
		st->reading = stmt_done(st, stmt_get(st, "BEGIN")) == ERR_OK;
}

void store_read_end(struct store *st)
{
	if (st && st->reading) {
		stmt_done(st, stmt_get(st, "COMMIT"));
		st->reading = false;
	}
}

enum err store_begin(struct store *st)
{
	store_read_end(st);
	st->writer = writer_turn();
	st->tx_err = st->writer ? stmt_done(st, stmt_get(st, "BEGIN IMMEDIATE")) : ERR_DB;
	st->in_tx = true;
	return st->tx_err;
}

enum err store_fail(struct store *st, enum err e)
{
	tx_note(st, e);
	return st->tx_err;
}

static void rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		stmt_done(st, stmt_get(st, "ROLLBACK"));
}

enum err store_finish(struct store *st)
{
	enum err e = st->tx_err;
	st->in_tx = false;
	st->tx_err = ERR_OK;
	if (e == ERR_OK)
		e = stmt_done(st, stmt_get(st, "COMMIT"));
	if (e != ERR_OK)
		rollback(st);
	if (st->writer)
		writer_done();
	st->writer = false;
	return e;
}

enum err store_ping(struct store *st)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT 1");
	if (!s)
		return ERR_DB;
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return ERR_DB;
	/*
	 * Readable is not enough: a read-only file or a writer that never lets
	 * go (the busy timeout runs out) leaves every form failing.  BEGIN
	 * IMMEDIATE takes the write lock without writing a page.
	 */
	if (sqlite3_db_readonly(st->db, "main") != 0 || stmt_done(st, stmt_get(st, "BEGIN IMMEDIATE")) != ERR_OK)
		return ERR_DB;
	rollback(st);
	return ERR_OK;
}

long long store_content_gen(struct store *st)
{
	/*
	 * Only outside a transaction or snapshot: inside one the answer belongs
	 * to it, not to the newest commit.  The header is read before the
	 * query: a commit in between makes the next call ask again.
	 */
	bool watch = st->wal_hdr && !st->in_tx && !st->reading;
	uint64_t state = watch ? wal_state(st) : 0;
	if (watch && st->gen > 0 && state == st->gen_wal)
		return st->gen;
	sqlite3_stmt *s = stmt_get(st, "SELECT gen FROM content_gen WHERE id = 1");
	long long g = (s && sqlite3_step(s) == SQLITE_ROW) ? sqlite3_column_int64(s, 0) : -1;
	if (s)
		sqlite3_reset(s);
	if (watch) {
		st->gen = g;
		st->gen_wal = state;
	}
	return g;
}

const char *store_setting(struct store *st, struct arena *a, const char *key)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT value FROM settings WHERE key = ?1");
	if (!s)
		return NULL;
	bind_str(s, 1, key);
	const char *v = sqlite3_step(s) == SQLITE_ROW ? col_str(s, 0, a) : NULL;
	sqlite3_reset(s);
	return v;
}

enum err store_set_setting(struct store *st, const char *key, const char *value)
{
	sqlite3_stmt *s = stmt_get(st, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
	                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, key);
	bind_str(s, 2, value);
	return stmt_done(st, s);
}

/* PRAGMA integrity_check on db: ERR_OK when it says "ok", else a message naming path. */
static enum err check_integrity(sqlite3 *db, const char *path, char *err, size_t errsz)
{
	sqlite3_stmt *s;
	enum err e = ERR_DB;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", path, sqlite3_errmsg(db));
		return ERR_DB;
	}
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0)
		e = ERR_OK;
	else
		snprintf(err, errsz, "%s: integrity check failed: %s", path,
		         rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return e;
}

/* Copies every page of src's main database into dst's with the online backup API. */
static enum err copy_pages(sqlite3 *dst, sqlite3 *src, const char *what, char *err, size_t errsz)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		snprintf(err, errsz, "%s: %s", what, sqlite3_errmsg(dst));
		return ERR_IO;
	}
	/* small steps, so writers are never held up for long */
	int rc;
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(err, errsz, "%s: copy failed: %s", what, sqlite3_errstr(rc));
		return ERR_IO;
	}
	return ERR_OK;
}

/*
 * Writes a verified copy of src to path: into a private (0600) temporary
 * file next to it first, so a failed or interrupted copy never leaves a
 * half file under the backup's name, then link() (which refuses an
 * existing file) or, when overwrite is set, rename().
 */
static enum err copy_to_file(sqlite3 *src, const char *path, bool overwrite, char *err, size_t errsz)
{
	char tmp[4096];
	if (snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", path) >= (int)sizeof tmp) {
		snprintf(err, errsz, "%s: path too long", path);
		return ERR_IO;
	}
	struct stat sb;
	if (!overwrite && lstat(path, &sb) == 0) {
		snprintf(err, errsz, "%s exists; choose another name or add --force to replace it", path);
		return ERR_CONFLICT;
	}
	int fd = mkstemp(tmp); /* mode 0600 */
	if (fd < 0) {
		snprintf(err, errsz, "%s: %m", path);
		return ERR_IO;
	}
	close(fd);
	sqlite3 *dst = NULL;
	enum err e = ERR_IO;
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		snprintf(err, errsz, "%s: %s", tmp, dst ? sqlite3_errmsg(dst) : "cannot open");
	else if ((e = copy_pages(dst, src, path, err, errsz)) == ERR_OK &&
	         (e = check_integrity(dst, path, err, errsz)) == ERR_OK &&
	         sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		/* one self-contained file: reading a backup never leaves -wal and -shm beside it */
		snprintf(err, errsz, "%s: %s", path, sqlite3_errmsg(dst));
		e = ERR_IO;
	}
	sqlite3_close(dst); /* the last connection: removes the copy's -wal and -shm */
	if (e == ERR_OK) {
		fd = open(tmp, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || fsync(fd) != 0) {
			snprintf(err, errsz, "%s: %m", tmp);
			e = ERR_IO;
		}
		if (fd >= 0)
			close(fd);
	}
	if (e == ERR_OK && (overwrite ? rename(tmp, path) : link(tmp, path)) != 0) {
		snprintf(err, errsz, "%s: %m", path);
		e = errno == EEXIST ? ERR_CONFLICT : ERR_IO;
	}
	unlink(tmp); /* after link(): the backup keeps the other name; after rename(): gone already */
	return e;
}

enum err store_backup(struct store *st, const char *path, bool overwrite, char *err, size_t errsz)
{
	return copy_to_file(st->db, path, overwrite, err, errsz);
}

enum err store_restore(const char *path, const char *from, const char *root, char *kept, size_t keptsz, char *err,
                       size_t errsz)
{
	sqlite3 *src = NULL, *dst = NULL;
	enum err e = ERR_IO;
	bool fresh = false; /* the target did not exist: remove it again if the restore fails */
	kept[0] = '\0';
	/* the backup first: whole, and of a schema this program can serve or migrate */
	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", from, src ? sqlite3_errmsg(src) : "cannot open");
		goto done;
	}
	if ((e = check_integrity(src, from, err, errsz)) != ERR_OK)
		goto done;
	int latest = store_schema_latest(root, err, errsz);
	sqlite3_stmt *s;
	int version = -1;
	if (sqlite3_prepare_v2(src, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			version = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	e = ERR_DB;
	if (latest < 0)
		goto done;
	if (version <= 0 || version > latest) {
		snprintf(err, errsz, "%s: schema version %d; not a bianmin backup this program can restore (1 to %d)",
		         from, version, latest);
		goto done;
	}
	/*
	 * The target under an exclusive lock for the whole restore: refused at
	 * once while a portal, the scheduler or anything else holds it open,
	 * since they would go on with caches of the replaced data.
	 */
	struct stat sb;
	fresh = stat(path, &sb) != 0;
	bool had_data = !fresh && sb.st_size > 0;
	if ((e = create_private(path, err, errsz)) != ERR_OK)
		goto done;
	e = ERR_CONFLICT;
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(dst,
	                 "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; SELECT count(*) FROM sqlite_schema",
	                 NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errsz,
		         "%s: in use (%s); stop bianmin, bianmin-fcgi and bianmin-scheduler before restoring", path,
		         dst ? sqlite3_errmsg(dst) : "cannot open");
		goto done;
	}
	if (had_data) {
		time_t now = time(NULL);
		struct tm tm;
		char stamp[32];
		gmtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
		/* a second restore within the same second gets "-2", and so on */
		e = ERR_CONFLICT;
		for (int k = 1; k < 100 && e == ERR_CONFLICT; k++) {
			snprintf(kept, keptsz, k == 1 ? "%s.replaced-%s" : "%s.replaced-%s-%d", path, stamp, k);
			e = copy_to_file(dst, kept, false, err, errsz);
		}
		if (e != ERR_OK) {
			kept[0] = '\0';
			goto done;
		}
	}
	if ((e = copy_pages(dst, src, path, err, errsz)) == ERR_OK &&
	    (e = check_integrity(dst, path, err, errsz)) == ERR_OK &&
	    sqlite3_exec(dst, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", path, sqlite3_errmsg(dst));
		e = ERR_IO;
	}
done:
	sqlite3_close(src);
	sqlite3_close(dst);
	if (e != ERR_OK && fresh)
		unlink(path);
	return e;
}
