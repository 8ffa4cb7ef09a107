/*
 * settings.c -- SQL for the office's settings and the test e-mails.
 */
#include "store/settings.h"

#include "store/internal.h"

struct load_ctx {
	struct arena *a;
	const char **vals;
};

static enum err load_row(void *ctx, sqlite3_stmt *s)
{
	struct load_ctx *c = ctx;
	enum setting k = settings_find((const char *)sqlite3_column_text(s, 0));
	if (k < SET__MAX)
		c->vals[k] = col_str(s, 1, c->a);
	return ERR_OK;
}

enum err store_settings_load(struct store *st, struct arena *a, const char *vals[SET__MAX])
{
	for (int i = 0; i < SET__MAX; i++)
		vals[i] = NULL;
	struct load_ctx c = {a, vals};
	return stmt_each(st, stmt_get(st, "SELECT key, value FROM settings"), load_row, &c);
}

enum err store_setting_put(struct store *st, const char *key, const char *value)
{
	if (value && *value)
		return store_set_setting(st, key, value);
	sqlite3_stmt *s = stmt_get(st, "DELETE FROM settings WHERE key = ?1");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, key);
	return stmt_done(st, s);
}

/* ---- test e-mails ---- */

enum err store_mail_test_add(struct store *st, const char *to_addr, const char *by, const char *at)
{
	sqlite3_stmt *s =
	    stmt_get(st, "INSERT INTO mail_tests (to_addr, requested_by, requested_at) VALUES (?1, ?2, ?3)");
	if (!s)
		return ERR_DB;
	bind_str(s, 1, to_addr);
	bind_str(s, 2, by);
	bind_str(s, 3, at);
	return stmt_insert(st, s, NULL);
}

#define MAIL_TEST_COLS "id, to_addr, requested_by, requested_at, state, result, done_at FROM mail_tests "

static void read_mail_test(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct mail_test_rec *m = item;
	m->id = sqlite3_column_int64(s, 0);
	m->to_addr = col_str(s, 1, a);
	m->requested_by = col_str(s, 2, a);
	m->requested_at = col_str(s, 3, a);
	m->state = col_str(s, 4, a);
	m->result = col_str(s, 5, a);
	m->done_at = col_str(s, 6, a);
}

enum err store_mail_test_last(struct store *st, struct arena *a, struct mail_test_rec *out)
{
	sqlite3_stmt *s = stmt_get(st, "SELECT " MAIL_TEST_COLS "ORDER BY id DESC LIMIT 1");
	if (!s)
		return ERR_DB;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_mail_test(s, a, out);
	sqlite3_reset(s);
	return row_err(rc);
}

enum err store_mail_tests_pending(struct store *st, struct arena *a, struct mail_test_rec **out, size_t *n)
{
	static const char sql[] = "SELECT " MAIL_TEST_COLS "WHERE state = 'pending' ORDER BY id LIMIT 10";
	return STMT_LIST(st, stmt_get(st, sql), a, out, n, read_mail_test);
}

enum err store_mail_test_done(struct store *st, long long id, const char *error, const char *at)
{
	sqlite3_stmt *s = stmt_get(st, "UPDATE mail_tests SET state = ?2, result = ?3, done_at = ?4 WHERE id = ?1");
	if (!s)
		return ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_str(s, 2, error ? "failed" : "sent");
	bind_str(s, 3, error);
	bind_str(s, 4, at);
	return stmt_done(st, s);
}
