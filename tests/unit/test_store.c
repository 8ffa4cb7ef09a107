/*
 * test_store.c -- the store's row loop: a step that fails in the middle of
 * a list is an error, never a shorter list (issue #11 item 17).  Each test
 * opens a small database of its own with only the tables the code under
 * test reads.  A row fails for real: the table the store reads is a view
 * whose column computes abs(-9223372036854775807 - fail), which SQLite
 * refuses with "integer overflow" on a row whose fail is 1, so the error
 * comes from sqlite3_step on that row, after the rows before it were
 * returned.  With fail 0 the same query reads every row: the error is
 * that row's.
 *
 * The transaction's sticky error: after the first failed call of a
 * store_begin ... store_finish chain the others do nothing, and
 * store_finish rolls back and returns that first error.
 *
 * The throttle's counters (store_attempt_take): a limit per key, a refusal
 * that writes nothing, a window that starts again, a sign-in given back.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "domain/cal.h"
#include "store/calendar.h"
#include "store/deadlines.h"
#include "store/flags.h"
#include "store/staff.h"
#include "store/store.h"

/* A column that reads as col, or fails the step when the row's fail is 1. */
#define FAILING(col) "(CASE WHEN abs(-9223372036854775807 - fail) >= 0 THEN " col " END)"

struct fx {
	char dir[64], path[128];
	struct store *st;
	struct arena *a;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/bianmin-store-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	char err[256];
	f->st = store_create(f->path, err, sizeof err);
	assert_non_null(f->st);
	f->a = arena_new();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_close(f->st);
	arena_free(f->a);
	char p[200];
	static const char *const sfx[] = {"", "-wal", "-shm"};
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", f->path, sfx[i]);
		unlink(p);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

static void exec(struct fx *f, const char *sql)
{
	char err[512];
	if (store_exec_script(f->st, sql, err, sizeof err) != ERR_OK)
		fail_msg("%s", err);
}

/* store_staff_all reads users in id order, one row at a time (no sorting first). */
static void test_list_fails_on_a_failed_step(void **state)
{
	struct fx *f = *state;
	exec(f, "CREATE TABLE users0 (id INTEGER PRIMARY KEY, role TEXT, unit TEXT, mail TEXT, display_name TEXT, "
	        "active INT, fail INT);"
	        "CREATE VIEW users AS SELECT id, role, unit, " FAILING(
	            "mail") " AS email, display_name, active FROM users0;"
	                    "INSERT INTO users0 (id, role, unit, mail, display_name, active, fail) VALUES "
	                    "(1, 'officer', 'social', 'a@example.org', 'A', 1, 0), "
	                    "(2, 'officer', 'social', 'b@example.org', 'B', 1, 1), "
	                    "(3, 'head', 'social', 'c@example.org', 'C', 1, 0);");
	struct staff_rec *u = (void *)1;
	size_t n = 99;
	assert_int_equal(store_staff_all(f->st, f->a, &u, &n), ERR_DB);
	assert_int_equal(n, 0); /* nothing half-read for a caller that ignores the error */
	assert_null(u);

	exec(f, "UPDATE users0 SET fail = 0");
	assert_int_equal(store_staff_all(f->st, f->a, &u, &n), ERR_OK);
	assert_int_equal(n, 3);
	assert_string_equal(u[1].email, "b@example.org");
	assert_string_equal(u[2].name, "C");
}

static const char calendar_sql[] =
    "CREATE TABLE calendar_gen (id INTEGER PRIMARY KEY, gen INT); INSERT INTO calendar_gen VALUES (1, 7);"
    "CREATE TABLE closures (day TEXT PRIMARY KEY, reason TEXT, created_by TEXT);"
    "CREATE TABLE days0 (id INTEGER PRIMARY KEY, day TEXT, flag INT, fail INT);"
    "CREATE VIEW calendar_days AS SELECT day, " FAILING(
        "flag") " AS open FROM days0;"
                /* Tuesday 2026-03-03 open, Wednesday the 4th closed (a holiday), Thursday open */
                "INSERT INTO days0 (day, flag, fail) VALUES ('2026-03-03', 1, 0), ('2026-03-04', 0, 1), "
                "('2026-03-05', 1, 0);";

/* A calendar that failed to load is never kept: the next call loads it again, whole. */
static void test_calendar_never_cached_half_loaded(void **state)
{
	struct fx *f = *state;
	exec(f, calendar_sql);
	assert_null(store_calendar(f->st));

	/* same calendar_gen: a half calendar kept from the first call would be returned now */
	exec(f, "UPDATE days0 SET fail = 0");
	const struct cal *c = store_calendar(f->st);
	assert_non_null(c);
	int32_t d;
	assert_true(cal_parse_iso("2026-03-04", &d));
	assert_false(cal_is_open(c, d));
	assert_true(cal_is_open(c, d + 1));
}

static long long count(struct fx *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* The due-date recompute fails as a whole when one row cannot be read: nothing is committed. */
static void test_recompute_fails_whole(void **state)
{
	struct fx *f = *state;
	exec(f, calendar_sql);
	exec(f, "UPDATE days0 SET fail = 0;"
	        "CREATE TABLE cases0 (id INTEGER PRIMARY KEY, state TEXT, received_on TEXT, n INT, paused_days INT, "
	        "due_on TEXT, fail INT);"
	        "CREATE VIEW cases AS SELECT id, state, received_on, " FAILING(
	            "n") " AS days, paused_days, 0 AS ext_days, due_on "
	                 "FROM cases0;"
	                 "CREATE TRIGGER cases_due INSTEAD OF UPDATE ON cases BEGIN "
	                 "UPDATE cases0 SET due_on = NEW.due_on WHERE id = OLD.id; END;"
	                 "INSERT INTO cases0 (state, received_on, n, paused_days, due_on, fail) VALUES "
	                 "('review', '2026-03-02', 1, 0, 'stale', 0), ('review', '2026-03-02', 1, 0, 'stale', 1), "
	                 "('review', '2026-03-02', 1, 0, 'stale', 0);"
	                 "CREATE TABLE petitions (id INTEGER PRIMARY KEY, state TEXT, received_on TEXT, days INT, "
	                 "ext_until TEXT, due_on TEXT);");
	assert_int_equal(store_begin(f->st), ERR_OK);
	enum err e = store_recompute_due(f->st);
	assert_int_equal(e, ERR_DB);
	assert_int_equal(store_finish(f->st), ERR_DB);
	assert_int_equal(count(f, "SELECT count(*) FROM cases0 WHERE due_on = 'stale'"), 3);

	exec(f, "UPDATE cases0 SET fail = 0");
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_recompute_due(f->st), ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	/* received Monday 2026-03-02, one working day: Tuesday */
	assert_int_equal(count(f, "SELECT count(*) FROM cases0 WHERE due_on = '2026-03-03'"), 3);
}

/* A settings table, and an audit table that refuses the action "refused" (a constraint: ERR_CONFLICT). */
static const char tx_sql[] = "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);"
                             "CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT, user_id INT, username TEXT, "
                             "action TEXT NOT NULL CHECK (action <> 'refused'), object TEXT, detail TEXT, ip TEXT);";

static enum err audit(struct fx *f, const char *action)
{
	return store_audit(f->st, 0, "t", action, "object", NULL, NULL);
}

static void test_tx_commits_the_chain(void **state)
{
	struct fx *f = *state;
	exec(f, tx_sql);
	assert_int_equal(store_begin(f->st), ERR_OK);
	store_set_setting(f->st, "a", "1");
	audit(f, "one");
	assert_int_equal(store_finish(f->st), ERR_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM settings WHERE key = 'a'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM audit"), 1);
}

static void test_tx_error_is_sticky(void **state)
{
	struct fx *f = *state;
	exec(f, tx_sql);
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_set_setting(f->st, "a", "1"), ERR_OK);
	assert_int_equal(audit(f, "refused"), ERR_CONFLICT);
	/* the rest of the chain does nothing: not even a statement that would work */
	assert_int_not_equal(store_set_setting(f->st, "b", "2"), ERR_OK);
	assert_int_not_equal(audit(f, "two"), ERR_OK);
	assert_null(store_setting(f->st, f->a, "a"));
	/* a later refusal does not replace the first error */
	assert_int_equal(store_fail(f->st, ERR_INVAL), ERR_CONFLICT);
	assert_int_equal(store_finish(f->st), ERR_CONFLICT);
	assert_int_equal(count(f, "SELECT count(*) FROM settings"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM audit"), 0);

	/* the error belonged to that transaction: the store works again, with and without one */
	assert_int_equal(store_set_setting(f->st, "c", "3"), ERR_OK);
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(audit(f, "three"), ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM settings"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM audit"), 1);
}

/* The caller's own refusal (store_fail) rolls back what the chain wrote before it. */
static void test_tx_caller_refusal_rolls_back(void **state)
{
	struct fx *f = *state;
	exec(f, tx_sql);
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_set_setting(f->st, "a", "1"), ERR_OK);
	assert_int_equal(store_fail(f->st, ERR_OK), ERR_OK); /* no refusal: nothing changes */
	assert_int_equal(store_fail(f->st, ERR_INVAL), ERR_INVAL);
	assert_int_not_equal(audit(f, "one"), ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_INVAL);
	assert_int_equal(count(f, "SELECT count(*) FROM settings"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM audit"), 0);
}

static const char attempts_sql[] =
    "CREATE TABLE attempts (kind TEXT NOT NULL, key TEXT NOT NULL, since INTEGER NOT NULL, n INTEGER NOT NULL, "
    "PRIMARY KEY (kind, key)) WITHOUT ROWID;";

static enum err take(struct fx *f, const struct attempt_limit *lim, size_t n, time_t now, long *retry)
{
	return store_attempt_take(f->st, "t", lim, n, now, 60, retry);
}

static void test_attempts_counted_per_key(void **state)
{
	struct fx *f = *state;
	exec(f, attempts_sql);
	static const struct attempt_limit pair[] = {{"addr:a|no:1", 2}, {"addr:a", 3}};
	static const struct attempt_limit other[] = {{"addr:a|no:2", 2}, {"addr:a", 3}};
	long retry = 0;
	const time_t t0 = 1000000;
	static const struct {
		const struct attempt_limit *lim;
		time_t at;
		enum err want;
		long want_retry; /* seconds until the full window closes */
	} steps[] = {
	    {pair, 0, ERR_OK, 0},      {pair, 1, ERR_OK, 0}, {pair, 2, ERR_LIMIT, 58}, /* the pair's two are used */
	    {other, 3, ERR_OK, 0},     /* another number from the same address: the address's third */
	    {other, 4, ERR_LIMIT, 56}, /* the address's three are used */
	    {pair, 59, ERR_LIMIT, 1},  /* still the window opened at 0 */
	    {pair, 60, ERR_OK, 0},     /* a new window for the pair and the address */
	    {other, 61, ERR_OK, 0},
	};
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		long long before = count(f, "SELECT total(n) FROM attempts");
		enum err e = take(f, steps[i].lim, 2, t0 + steps[i].at, &retry);
		if (e != steps[i].want)
			fail_msg("step %zu at +%lld: got %d, want %d", i, (long long)steps[i].at, e, steps[i].want);
		if (e == ERR_LIMIT) {
			assert_int_equal(count(f, "SELECT total(n) FROM attempts"),
			                 before); /* a refusal writes nothing */
			assert_int_equal(retry, steps[i].want_retry);
		}
	}
}

static void test_attempts_given_back_and_cleared(void **state)
{
	struct fx *f = *state;
	exec(f, attempts_sql);
	const struct attempt_limit lim[] = {{"user:x", 2}};
	long retry;
	assert_int_equal(take(f, lim, 1, 500, &retry), ERR_OK);
	assert_int_equal(take(f, lim, 1, 501, &retry), ERR_OK);
	assert_int_equal(store_attempt_undo(f->st, "t", lim, 1, 501), ERR_OK);
	assert_int_equal(take(f, lim, 1, 502, &retry), ERR_OK); /* the one given back is free again */
	assert_int_equal(take(f, lim, 1, 503, &retry), ERR_LIMIT);
	assert_int_equal(store_attempt_clear(f->st, "t", "user:x"), ERR_OK);
	assert_int_equal(take(f, lim, 1, 504, &retry), ERR_OK);
}

/* A page's reads share one snapshot: another connection's write shows after store_read_end, not in between. */
static void test_read_snapshot(void **state)
{
	struct fx *f = *state;
	exec(f, tx_sql);
	assert_int_equal(store_set_setting(f->st, "a", "old"), ERR_OK);
	char err[256];
	struct store *other = store_open(f->path, err, sizeof err);
	assert_non_null(other);

	store_read_begin(f->st);
	assert_string_equal(store_setting(f->st, f->a, "a"), "old");
	assert_int_equal(store_set_setting(other, "a", "new"), ERR_OK);
	assert_string_equal(store_setting(f->st, f->a, "a"), "old");
	store_read_end(f->st);
	assert_string_equal(store_setting(f->st, f->a, "a"), "new");

	/* a write ends the snapshot first, then sees and changes the newest data */
	store_read_begin(f->st);
	assert_string_equal(store_setting(f->st, f->a, "a"), "new");
	assert_int_equal(store_set_setting(other, "a", "newer"), ERR_OK);
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_string_equal(store_setting(f->st, f->a, "a"), "newer");
	store_set_setting(f->st, "a", "mine");
	assert_int_equal(store_finish(f->st), ERR_OK);
	assert_string_equal(store_setting(other, f->a, "a"), "mine");

	store_read_end(f->st); /* none open: nothing to do */
	store_read_begin(NULL);
	store_read_end(NULL);
	store_close(other);
}

struct lone_writer {
	const char *path;
	enum err e;
};

static void *write_alone(void *arg)
{
	struct lone_writer *w = arg;
	char err[256];
	struct store *st = store_open(w->path, err, sizeof err);
	w->e = st ? store_set_setting(st, "lone", "1") : ERR_DB;
	store_close(st);
	return NULL;
}

/* A write outside a transaction queues for the writer's turn: no busy-handler sleeps, done once the writer commits. */
static void test_lone_write_waits_its_turn(void **state)
{
	struct fx *f = *state;
	exec(f, tx_sql);
	unsigned long busy = store_busy_wait_count();
	assert_int_equal(store_begin(f->st), ERR_OK);
	store_set_setting(f->st, "tx", "1");
	struct lone_writer w = {f->path, ERR_INVAL};
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, write_alone, &w), 0);
	nanosleep(&(struct timespec){.tv_nsec = 200 * 1000 * 1000}, NULL);
	assert_null(store_setting(f->st, f->a, "lone")); /* still waiting */
	assert_int_equal(store_finish(f->st), ERR_OK);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(w.e, ERR_OK);
	assert_string_equal(store_setting(f->st, f->a, "lone"), "1");
	assert_int_equal(store_busy_wait_count(), busy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_list_fails_on_a_failed_step, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_calendar_never_cached_half_loaded, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_recompute_fails_whole, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tx_commits_the_chain, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_read_snapshot, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lone_write_waits_its_turn, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tx_error_is_sticky, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tx_caller_refusal_rolls_back, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_attempts_counted_per_key, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_attempts_given_back_and_cleared, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
