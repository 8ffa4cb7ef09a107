/*
 * db.c -- the connection, its pragmas, the statement cache, migrations and
 * transactions.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cal.h"
#include "store/fts_cjk.h"
#include "store/internal.h"

enum err store_library_init(void)
{
	if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
		return ERR_DB;
	return sqlite3_initialize() == SQLITE_OK ? ERR_OK : ERR_DB;
}

struct store *store_open(const char *path, char *err, size_t errsz)
{
	struct store *st = xcalloc(1, sizeof *st);
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", path, st->db ? sqlite3_errmsg(st->db) : "cannot open");
		store_close(st);
		return NULL;
	}
	sqlite3_busy_timeout(st->db, 5000);
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
	return st;
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

sqlite3_stmt *stmt_get(struct store *st, const char *sql)
{
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
				fprintf(stderr, "bianmin: prepare failed: %s\n  in: %.200s\n", sqlite3_errmsg(st->db),
				        sql);
				return NULL;
			}
			st->cache[i].sql = sql;
			st->cache[i].stmt = s;
			return s;
		}
	}
	fprintf(stderr, "bianmin: statement cache full\n");
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

void *arena_push(struct arena *a, void **items, size_t *n, size_t *cap, size_t elem)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		void *grown = arena_alloc(a, nc * elem);
		if (*n)
			memcpy(grown, *items, *n * elem);
		*items = grown;
		*cap = nc;
	}
	void *slot = (char *)*items + (*n)++ * elem;
	memset(slot, 0, elem);
	return slot;
}

enum err stmt_each(struct store *st, sqlite3_stmt *s, enum err (*row)(void *ctx, sqlite3_stmt *s), void *ctx)
{
	if (!s)
		return ERR_DB;
	enum err e = ERR_OK;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && (e = row(ctx, s)) == ERR_OK)
		;
	if (e == ERR_OK && rc != SQLITE_DONE) {
		fprintf(stderr, "bianmin: sql: %s\n  in: %.200s\n", sqlite3_errmsg(st->db), sqlite3_sql(s));
		e = ERR_DB;
	}
	sqlite3_reset(s);
	return e;
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

enum err stmt_done(struct store *st, sqlite3_stmt *s)
{
	if (!s)
		return ERR_DB;
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return ERR_OK;
	if (rc == SQLITE_CONSTRAINT)
		return ERR_CONFLICT;
	fprintf(stderr, "bianmin: sql: %s\n", sqlite3_errmsg(st->db));
	return ERR_DB;
}

enum err row_err(int rc)
{
	return rc == SQLITE_ROW ? ERR_OK : rc == SQLITE_DONE ? ERR_NOTFOUND : ERR_DB;
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

enum err store_migrate(struct store *st, const char *root, char *err, size_t errsz)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/sql/migrations", root);
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errsz, "%s: cannot open migrations folder", dir);
		return ERR_IO;
	}
	char *names[256] = {0};
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)) && n < 256)
		if (de->d_name[0] >= '0' && de->d_name[0] <= '9' && strstr(de->d_name, ".sql"))
			names[n++] = xstrdup(de->d_name);
	closedir(d);
	qsort(names, n, sizeof *names, cmp_name);

	enum err rc = ERR_OK;
	int have = store_version(st);
	for (size_t i = 0; i < n; i++) {
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
	for (size_t i = 0; i < n; i++)
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

enum err store_begin(struct store *st)
{
	return stmt_done(st, stmt_get(st, "BEGIN IMMEDIATE"));
}

enum err store_commit(struct store *st)
{
	return stmt_done(st, stmt_get(st, "COMMIT"));
}

void store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		stmt_done(st, stmt_get(st, "ROLLBACK"));
}

enum err store_finish(struct store *st, enum err e)
{
	if (e == ERR_OK)
		e = store_commit(st);
	if (e != ERR_OK)
		store_rollback(st);
	return e;
}

enum err store_ping(struct store *st)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT 1");
	if (!s)
		return ERR_DB;
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? ERR_OK : ERR_DB;
}

long long store_content_gen(struct store *st)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT gen FROM content_gen WHERE id = 1");
	long long g = (s && sqlite3_step(s) == SQLITE_ROW) ? sqlite3_column_int64(s, 0) : -1;
	if (s)
		sqlite3_reset(s);
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

enum err store_backup(struct store *st, const char *path, char *err, size_t errsz)
{
	sqlite3 *dst = NULL;
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		snprintf(err, errsz, "%s: %s", path, dst ? sqlite3_errmsg(dst) : "cannot open");
		sqlite3_close(dst);
		return ERR_IO;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, "main");
	if (!b) {
		snprintf(err, errsz, "%s: %s", path, sqlite3_errmsg(dst));
		sqlite3_close(dst);
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
		snprintf(err, errsz, "%s: backup failed: %s", path, sqlite3_errstr(rc));
		sqlite3_close(dst);
		return ERR_IO;
	}
	sqlite3_stmt *s;
	enum err e = ERR_DB;
	if (sqlite3_prepare_v2(dst, "PRAGMA integrity_check", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0)
			e = ERR_OK;
		else
			snprintf(err, errsz, "%s: integrity check failed: %s", path, sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	sqlite3_close(dst);
	return e;
}
