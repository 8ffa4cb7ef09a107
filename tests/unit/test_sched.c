/*
 * test_sched.c -- the scheduler against a real temporary SQLite file, under
 * a set clock (clock_set): tiers over the office calendar, each (item,
 * tier) flagged once with its notifications, passes repeated, a pass
 * killed with SIGKILL after a committed batch and run again, extension
 * requests, closed items, due dates recomputed when a typhoon closure
 * is added, FAQ entries not reviewed for FAQ_REVIEW_DAYS (issue #5), and
 * the e-mails' tier words (the pages' strings, issue #17).  Run from the
 * repository root (reads sql/migrations, tests/data/calendar and
 * templates/strings.tsv).
 *
 * The test reads its results with its own SQLite connection; the code
 * under test goes through store/ and sched/ only.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "domain/cal.h"
#include "domain/clock.h"
#include "domain/ids.h"
#include "domain/petition.h"
#include "sched/sched.h"
#include "store/calendar.h"
#include "store/catalog.h"
#include "store/deadlines.h"
#include "store/extensions.h"
#include "store/flags.h"
#include "store/outbox.h"
#include "store/petitions.h"
#include "store/staff.h"
#include "store/store.h"
#include "util/i18n.h"

struct fx {
	char dir[64], path[128];
	struct store *st;
	sqlite3 *db; /* the test's own eyes */
	long long officer, head, sec_head, civ_head;
	int seq;
};

static const char fixture_sql[] =
    "INSERT INTO units (code, name_zh, name_en) VALUES ('social', '社會課', 'Social'), "
    "('secretariat', '秘書室', 'Secretariat'), ('civil', '民政課', 'Civil');"
    "INSERT INTO categories (code, name_zh) VALUES ('roads', '道路養護');"
    "INSERT INTO services (code, unit, category, name_zh, processing_days, reviewed_on) VALUES ('svc', 'social', "
    "'roads', '測試', 5, '2026-03-01');"
    "INSERT INTO users (username, display_name, role, unit, pw_hash) VALUES "
    "('officer1', '王承辦', 'officer', 'social', 'x'), ('head1', '張課長', 'head', 'social', 'x'), "
    "('sec1', '李主秘', 'head', 'secretariat', 'x'), ('civhead', '陳課長', 'head', 'civil', 'x'), "
    "('admin1', '管理', 'admin', NULL, 'x'), ('gone', '離職', 'head', 'social', 'x');"
    "UPDATE users SET active = 0 WHERE username = 'gone';";

static long long one(struct fx *f, const char *sql)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(f->db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* The text of the one row sql returns, as a string the caller frees. */
static char *one_text(struct fx *f, const char *sql)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(f->db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	const char *t = (const char *)sqlite3_column_text(s, 0);
	char *v = strdup(t ? t : "");
	sqlite3_finalize(s);
	return v;
}

static long long user_id(struct fx *f, const char *name)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT id FROM users WHERE username = '%s'", name);
	return one(f, sql);
}

static void set_now(const char *iso)
{
	time_t t = clock_parse_iso(iso);
	assert_true(t > 0);
	clock_set(t);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/bianmin-sched-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	char err[512];
	f->st = store_create(f->path, err, sizeof err);
	assert_non_null(f->st);
	if (store_migrate(f->st, ".", err, sizeof err) != ERR_OK)
		fail_msg("migrate: %s (run from the repository root)", err);
	assert_int_equal(store_exec_script(f->st, fixture_sql, err, sizeof err), ERR_OK);
	char *csv;
	size_t len, rows;
	if (file_read("tests/data/calendar/2026.csv", &csv, &len) != ERR_OK)
		fail_msg("cannot read tests/data/calendar/2026.csv");
	assert_int_equal(store_calendar_import(f->st, csv, len, &rows, err, sizeof err), ERR_OK);
	free(csv);
	assert_int_equal(sqlite3_open(f->path, &f->db), SQLITE_OK);
	sqlite3_busy_timeout(f->db, 5000);
	f->officer = user_id(f, "officer1");
	f->head = user_id(f, "head1");
	f->sec_head = user_id(f, "sec1");
	f->civ_head = user_id(f, "civhead");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	clock_set(0);
	sqlite3_close(f->db);
	store_close(f->st);
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

/*
 * A petition received on "received" with a rule of "days"; routed to unit
 * (NULL: left unrouted) and assigned to officer (0: none).  Returns its id.
 */
static long long petition(struct fx *f, const char *received, int days, const char *unit, long long officer)
{
	int32_t rec;
	assert_true(cal_parse_iso(received, &rec));
	char due[CAL_ISO_SIZE], no[NO_SIZE];
	cal_format_iso(pet_due(store_calendar(f->st), rec, days, CAL_DAY_INVALID), due);
	struct petition_new pn = {
	    .channel = "web",
	    .subject = "s",
	    .body = "b",
	    .code_hash = "x",
	    .received_on = received,
	    .received_at = "2026-01-01T00:00:00Z",
	    .days = days,
	    .due_on = due,
	};
	long long id;
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_petition_create(f->st, &pn, no, &id), ERR_OK);
	if (unit)
		assert_int_equal(store_petition_route(f->st, id, PS_RECEIVED, unit, NULL, days, due), ERR_OK);
	if (unit && officer)
		assert_int_equal(store_petition_assign(f->st, id, PS_ROUTED, officer), ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	return id;
}

static long long kind_flags(struct fx *f, const char *kind, long long id, const char *tier)
{
	char sql[200];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM flags WHERE item_kind = '%s' AND item_id = %lld AND tier = '%s'", kind, id,
	         tier);
	return one(f, sql);
}

static long long flags_of(struct fx *f, long long id, const char *tier)
{
	return kind_flags(f, "petition", id, tier);
}

static long long kind_notified(struct fx *f, const char *kind, long long id, long long user)
{
	char sql[300];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM notifications n JOIN flags g ON g.id = n.flag_id "
	         "WHERE g.item_kind = '%s' AND g.item_id = %lld AND n.user_id = %lld",
	         kind, id, user);
	return one(f, sql);
}

static long long notified(struct fx *f, long long id, long long user)
{
	return kind_notified(f, "petition", id, user);
}

/* An FAQ entry of unit, last reviewed on reviewed_on; returns its id. */
static long long faq_entry(struct fx *f, const char *slug, const char *unit, const char *reviewed_on)
{
	char sql[400], err[256];
	snprintf(sql, sizeof sql,
	         "INSERT INTO faq (slug, unit, category, question_zh, answer_zh, question_en, answer_en, reviewed_on) "
	         "VALUES ('%s', '%s', 'roads', '問題 %s', '回答', 'Question %s', 'Answer', '%s')",
	         slug, unit, slug, slug, reviewed_on);
	/* through the store: the search index's triggers need its tokenizer */
	if (store_exec_script(f->st, sql, err, sizeof err) != ERR_OK)
		fail_msg("faq %s: %s", slug, err);
	snprintf(sql, sizeof sql, "SELECT id FROM faq WHERE slug = '%s'", slug);
	return one(f, sql);
}

static void pass(struct fx *f, struct sched_stats *s)
{
	struct sched_stats tmp;
	assert_int_equal(sched_pass(f->st, NULL, s ? s : &tmp), ERR_OK);
}

/* ---- tiers, recipients, idempotence ---------------------------------- */

/* The petition number of row id, as the store wrote it. */
static void assert_number(struct fx *f, long long id, const char *want)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT petition_no FROM petitions WHERE id = %lld", id);
	char *no = one_text(f, sql);
	assert_string_equal(no, want);
	free(no);
}

/*
 * A day's numbers run on from its newest petition, whatever other days
 * hold; a day past 9,999 goes on to five digits.  (Found from the newest
 * row, not by counting the day's rows: a busy day's intake stays as fast.)
 */
static void test_daily_numbers_follow_the_newest(void **state)
{
	struct fx *f = *state;
	assert_number(f, petition(f, "2026-03-02", 6, NULL, 0), "P1150302-0001");
	assert_number(f, petition(f, "2026-03-03", 6, NULL, 0), "P1150303-0001");
	assert_number(f, petition(f, "2026-03-02", 6, NULL, 0), "P1150302-0002");
	assert_number(f, petition(f, "2026-03-03", 6, NULL, 0), "P1150303-0002");
	/* a busy day: its newest number is 9999 */
	assert_int_equal(
	    sqlite3_exec(f->db,
	                 "UPDATE petitions SET petition_no = 'P1150303-9999' WHERE petition_no = 'P1150303-0002'", NULL,
	                 NULL, NULL),
	    SQLITE_OK);
	assert_number(f, petition(f, "2026-03-03", 6, NULL, 0), "P1150303-10000");
	assert_number(f, petition(f, "2026-03-03", 6, NULL, 0), "P1150303-10001");
	assert_number(f, petition(f, "2026-03-02", 6, NULL, 0), "P1150302-0003");
}

static void test_pass_is_idempotent(void **state)
{
	struct fx *f = *state;
	set_now("2026-03-10T09:00:00+08:00");                                 /* a Tuesday */
	long long today = petition(f, "2026-03-02", 6, "social", f->officer); /* due 03-10 */
	long long late = petition(f, "2026-02-23", 6, "social", 0);           /* due 03-03, routed only */
	long long near = petition(f, "2026-03-06", 4, "social", f->officer);  /* due 03-12: 2 days left */
	long long fine = petition(f, "2026-03-09", 10, "social", f->officer); /* due 03-23 */
	long long lost = petition(f, "2026-02-23", 6, NULL, 0);               /* never routed */
	long long done = petition(f, "2026-02-23", 6, "social", f->officer);
	struct petition_outcome o = {.state = PS_REPLIED, .reply = "ok", .closed_at = "x", .closed_on = "2026-03-01"};
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_petition_close(f->st, done, PS_ASSIGNED, &o), ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	char err[256];
	assert_int_equal(store_exec_script(
	                     f->st,
	                     "INSERT INTO cases (case_no, code_hash, service_id, unit, applicant_name, "
	                     "applicant_phone, phone_digits, channel, state, received_on, received_at, days, "
	                     "due_on) SELECT 'A1150301-0001', 'x', id, 'social', 'n', 'p', 'p', 'counter', "
	                     "'review', '2026-03-02', 'x', 5, '2026-03-09' FROM services;"
	                     "INSERT INTO cases (case_no, code_hash, service_id, unit, applicant_name, "
	                     "applicant_phone, phone_digits, channel, state, received_on, received_at, days, "
	                     "due_on, paused_since) SELECT 'A1150301-0002', 'x', id, 'social', 'n', 'p', 'p', "
	                     "'counter', 'correction', '2026-03-02', 'x', 5, '2026-03-09', '2026-03-03' FROM services;",
	                     err, sizeof err),
	                 ERR_OK);

	struct sched_stats s;
	pass(f, &s);
	assert_int_equal(s.scanned, 5 + 1); /* open petitions, and the case whose clock runs */
	assert_int_equal(s.flags, 5);
	assert_int_equal(s.notifications, 2 + 1 + 2 + 1 + 1);
	assert_int_equal(flags_of(f, today, "due_today"), 1);
	assert_int_equal(flags_of(f, late, "overdue"), 1);
	assert_int_equal(flags_of(f, near, "near"), 1);
	assert_int_equal(
	    one(f,
	        "SELECT count(*) FROM flags WHERE item_id IN (SELECT id FROM petitions WHERE due_on > '2026-03-20')"),
	    0);
	(void)fine;
	assert_int_equal(flags_of(f, done, "overdue"), 0);
	assert_int_equal(one(f, "SELECT count(*) FROM flags WHERE item_kind = 'case'"), 1);
	/* the officer and the unit's active heads; unrouted: the secretariat */
	assert_int_equal(notified(f, today, f->officer), 1);
	assert_int_equal(notified(f, today, f->head), 1);
	assert_int_equal(notified(f, today, user_id(f, "gone")), 0);
	assert_int_equal(notified(f, late, f->head), 1);
	assert_int_equal(notified(f, lost, f->sec_head), 1);
	assert_int_equal(notified(f, lost, f->head), 0);
	assert_int_equal(notified(f, today, f->civ_head), 0);

	/* again, and again: nothing new */
	for (int i = 0; i < 2; i++) {
		pass(f, &s);
		assert_int_equal(s.flags, 0);
		assert_int_equal(s.notifications, 0);
	}
	assert_int_equal(one(f, "SELECT count(*) FROM flags"), 5);
	assert_int_equal(one(f, "SELECT count(*) FROM notifications"), 7);

	/* the next day: the petition due today is overdue; the near one stays near (no repeat) */
	set_now("2026-03-11T09:00:00+08:00");
	pass(f, &s);
	assert_int_equal(s.flags, 1);
	assert_int_equal(flags_of(f, today, "overdue"), 1);
	assert_int_equal(flags_of(f, near, "near"), 1);
	set_now("2026-03-12T08:00:00+08:00");
	pass(f, &s);
	assert_int_equal(s.flags, 1);
	assert_int_equal(flags_of(f, near, "due_today"), 1);
	/* a clock set back (a replay) raises nothing twice */
	set_now("2026-03-10T09:00:00+08:00");
	pass(f, &s);
	assert_int_equal(s.flags, 0);

	/* the dashboard's view of it */
	struct arena *a = arena_new();
	struct notification_rec *ns;
	size_t n;
	assert_int_equal(store_notifications(f->st, a, f->officer, 50, &ns, &n), ERR_OK);
	assert_int_equal(n, 4);
	assert_int_equal(store_notifications_unread(f->st, f->officer), 4);
	assert_int_equal(store_notification_read(f->st, f->head, ns[0].id, "t"), ERR_NOTFOUND);
	assert_int_equal(store_notification_read(f->st, f->officer, ns[0].id, "t"), ERR_OK);
	assert_int_equal(store_notifications_unread(f->st, f->officer), 3);
	assert_int_equal(store_notifications_read_all(f->st, f->officer, "t"), ERR_OK);
	assert_int_equal(store_notifications_unread(f->st, f->officer), 0);
	arena_free(a);
}

/* ---- SIGKILL in the middle of a pass ----------------------------------- */

static bool kill_after_third(void *ctx, int batch)
{
	(void)ctx;
	if (batch == 3)
		raise(SIGKILL);
	return true;
}

static void test_killed_pass_then_rerun(void **state)
{
	struct fx *f = *state;
	set_now("2026-03-10T09:00:00+08:00");
	enum { N = 41, BATCH = 4 };
	for (int i = 0; i < N; i++)
		petition(f, "2026-02-23", 6, "social", f->officer); /* all overdue: officer + head */
	/* FAQ entries due for review go the same way, after the deadlines: officer + head too */
	enum { K = 3 };
	for (int i = 0; i < K; i++)
		faq_entry(f, (const char *[]){"old-1", "old-2", "old-3"}[i], "social", "2025-02-03");
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* the child has its own connection, as a separate scheduler process would */
		char err[256];
		struct store *st = store_open(f->path, err, sizeof err);
		struct sched_opts o = {.batch = BATCH, .after_batch = kill_after_third};
		struct sched_stats s;
		sched_pass(st, &o, &s);
		_exit(0); /* not reached */
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	/* three committed batches, each flag with both its notifications */
	assert_int_equal(one(f, "SELECT count(*) FROM flags"), 3 * BATCH);
	assert_int_equal(one(f, "SELECT count(*) FROM notifications"), 2 * 3 * BATCH);

	struct sched_stats s;
	struct sched_opts o = {.batch = BATCH};
	assert_int_equal(sched_pass(f->st, &o, &s), ERR_OK);
	assert_int_equal(s.flags, N + K - 3 * BATCH);
	assert_int_equal(s.notifications, 2 * (N + K - 3 * BATCH));
	pass(f, &s);
	assert_int_equal(s.flags, 0);
	assert_int_equal(one(f, "SELECT count(*) FROM flags"), N + K);
	assert_int_equal(one(f, "SELECT count(*) FROM flags WHERE item_kind = 'faq' AND tier = 'stale'"), K);
	assert_int_equal(one(f, "SELECT count(*) FROM notifications"), 2 * (N + K));
	assert_int_equal(one(f,
	                     "SELECT count(*) FROM (SELECT item_id FROM flags GROUP BY item_kind, item_id, tier, ref "
	                     "HAVING count(*) > 1)"),
	                 0);
	assert_int_equal(one(f, "SELECT count(*) FROM flags g WHERE (SELECT count(*) FROM notifications n "
	                        "WHERE n.flag_id = g.id) <> 2"),
	                 0);
}

/* A pass stopped by the hook (as a crash would) commits whole batches only. */
static bool stop_after_first(void *ctx, int batch)
{
	(void)ctx;
	return batch < 1;
}

static void test_stopped_pass_commits_whole_batches(void **state)
{
	struct fx *f = *state;
	set_now("2026-03-10T09:00:00+08:00");
	for (int i = 0; i < 10; i++)
		petition(f, "2026-02-23", 6, "social", 0);
	struct sched_opts o = {.batch = 3, .after_batch = stop_after_first};
	struct sched_stats s;
	assert_int_equal(sched_pass(f->st, &o, &s), ERR_OK);
	assert_int_equal(s.flags, 3);
	assert_int_equal(one(f, "SELECT count(*) FROM flags"), 3);
	pass(f, &s);
	assert_int_equal(s.flags, 7);
}

/* ---- extensions ---------------------------------------------------------- */

/* A case's deadline notices go to its officer and the unit's heads; its waiting extension to the heads alone. */
static void test_case_officer_and_extension(void **state)
{
	struct fx *f = *state;
	set_now("2026-03-10T09:00:00+08:00");
	char err[256], sql[1024];
	snprintf(sql, sizeof sql,
	         "INSERT INTO cases (case_no, code_hash, service_id, unit, applicant_name, applicant_phone, "
	         "phone_digits, channel, state, received_on, received_at, days, due_on, officer_id) SELECT "
	         "'A1150301-0009', 'x', min(id), 'social', 'n', 'p', 'p', 'counter', 'review', '2026-03-02', 'x', 5, "
	         "'2026-03-09', %lld FROM services;"
	         "INSERT INTO case_extensions (case_id, asked_by, asked_at, old_due, new_due, days, reason) "
	         "SELECT id, %lld, 't', '2026-03-09', '2026-03-16', 5, 'visit' FROM cases "
	         "WHERE case_no = 'A1150301-0009';",
	         f->officer, f->officer);
	assert_int_equal(store_exec_script(f->st, sql, err, sizeof err), ERR_OK);
	long long id = one(f, "SELECT id FROM cases WHERE case_no = 'A1150301-0009'");
	struct sched_stats s;
	pass(f, &s);
	assert_int_equal(kind_flags(f, "case", id, "overdue"), 1);
	assert_int_equal(kind_flags(f, "case", id, "extension"), 1);
	assert_int_equal(one(f, "SELECT count(*) FROM notifications n JOIN flags g ON g.id = n.flag_id "
	                        "WHERE g.item_kind = 'case' AND g.tier = 'overdue'"),
	                 2);
	assert_int_equal(kind_notified(f, "case", id, f->officer), 1); /* the overdue notice, not the request */
	assert_int_equal(kind_notified(f, "case", id, f->head), 2);
	assert_int_equal(kind_notified(f, "case", id, f->civ_head), 0);
}

static void test_extension_requests_flagged(void **state)
{
	struct fx *f = *state;
	set_now("2026-03-02T09:00:00+08:00");
	long long id = petition(f, "2026-03-02", 10, "social", f->officer); /* due 03-16 */
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(
	    store_extension_ask(f->st, IK_PETITION, id,
	                        &(struct extension_ask){f->officer, "t", "2026-03-16", "2026-03-28", "site visit", 0}),
	    ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	/* a second waiting request is refused by the database itself */
	assert_int_equal(
	    store_extension_ask(f->st, IK_PETITION, id,
	                        &(struct extension_ask){f->officer, "t", "2026-03-16", "2026-03-30", "again", 0}),
	    ERR_CONFLICT);
	struct sched_stats s;
	pass(f, &s);
	assert_int_equal(s.flags, 1);
	assert_int_equal(flags_of(f, id, "extension"), 1);
	/* the heads decide: they are told, the officer who asked is not */
	assert_int_equal(notified(f, id, f->head), 1);
	assert_int_equal(notified(f, id, f->officer), 0);
	pass(f, &s);
	assert_int_equal(s.flags, 0);

	/* approved to a Saturday: due on Monday 03-30; warned again against the new date */
	long long ext = one(f, "SELECT id FROM petition_extensions WHERE decision IS NULL");
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_extension_decide(f->st, IK_PETITION, ext, "approved", f->head, "t", NULL), ERR_OK);
	int32_t until;
	cal_parse_iso("2026-03-28", &until);
	char due[CAL_ISO_SIZE];
	cal_format_iso(pet_due(store_calendar(f->st), 0, 0, until), due);
	assert_string_equal(due, "2026-03-30");
	assert_int_equal(store_petition_extend(f->st, id, "2026-03-28", due), ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	assert_int_equal(store_extension_decide(f->st, IK_PETITION, ext, "refused", f->head, "t", NULL), ERR_CONFLICT);
	set_now("2026-03-13T09:00:00+08:00"); /* the old due date (03-16) would be near; the new one is not */
	pass(f, &s);
	assert_int_equal(s.flags, 0);
	set_now("2026-03-26T09:00:00+08:00"); /* two working days before 03-30 */
	pass(f, &s);
	assert_int_equal(s.flags, 1);
	assert_int_equal(flags_of(f, id, "near"), 1);
}

/* ---- closed items, recomputed due dates ------------------------------------ */

static void test_closed_items_never_flagged(void **state)
{
	struct fx *f = *state;
	long long id = petition(f, "2026-02-23", 6, "social", f->officer);
	struct petition_outcome o = {.state = PS_TRANSFERRED,
	                             .agency = "a",
	                             .transfer_on = "2026-02-24",
	                             .closed_at = "x",
	                             .closed_on = "2026-02-24"};
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_petition_close(f->st, id, PS_ASSIGNED, &o), ERR_OK);
	/* closed between the pass's read and its write: the guard in the INSERT holds */
	long long users[] = {f->officer}, flag = -1, nids[1];
	int n = -1;
	assert_int_equal(
	    store_flag_raise(f->st, IK_PETITION, id, "overdue", "2026-03-03", "t", users, 1, &flag, &n, nids), ERR_OK);
	assert_int_equal(flag, 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_finish(f->st), ERR_OK);
	/* a closed petition cannot be closed twice, nor assigned */
	assert_int_equal(store_petition_close(f->st, id, PS_ASSIGNED, &o), ERR_CONFLICT);
	assert_int_equal(store_petition_assign(f->st, id, PS_ASSIGNED, f->officer), ERR_CONFLICT);
	set_now("2026-03-10T09:00:00+08:00");
	struct sched_stats s;
	pass(f, &s);
	assert_int_equal(s.scanned, 0);
	assert_int_equal(s.flags, 0);
}

static void test_typhoon_recomputes_open_petitions(void **state)
{
	struct fx *f = *state;
	long long open = petition(f, "2026-03-09", 6, "social", f->officer); /* due 03-17 */
	long long ext = petition(f, "2026-03-02", 6, "social", f->officer);
	long long closed = petition(f, "2026-03-09", 6, "social", f->officer);
	struct petition_outcome o = {.state = PS_REPLIED, .reply = "r", .closed_at = "x", .closed_on = "2026-03-10"};
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_petition_extend(f->st, ext, "2026-03-20", "2026-03-20"), ERR_OK);
	assert_int_equal(store_petition_close(f->st, closed, PS_ASSIGNED, &o), ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT due_on = '2026-03-17' FROM petitions WHERE id = %lld", open);
	assert_int_equal(one(f, sql), 1);
	/* typhoon days on the 12th and the 20th, entered later */
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_closure_add(f->st, "2026-03-12", "typhoon", "admin1"), ERR_OK);
	assert_int_equal(store_closure_add(f->st, "2026-03-20", "typhoon", "admin1"), ERR_OK);
	assert_int_equal(store_recompute_due(f->st), ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	snprintf(sql, sizeof sql, "SELECT due_on = '2026-03-18' FROM petitions WHERE id = %lld", open);
	assert_int_equal(one(f, sql), 1);
	snprintf(sql, sizeof sql, "SELECT due_on = '2026-03-23' FROM petitions WHERE id = %lld", ext);
	assert_int_equal(one(f, sql), 1);
	snprintf(sql, sizeof sql, "SELECT due_on = '2026-03-17' FROM petitions WHERE id = %lld", closed);
	assert_int_equal(one(f, sql), 1);
}

/* ---- FAQ entries due for review (issue #5) ------------------------------------ */

static void test_faq_review_flagged(void **state)
{
	struct fx *f = *state;
	char err[256];
	assert_int_equal(
	    store_exec_script(f->st,
	                      "INSERT INTO units (code, name_zh, name_en) VALUES ('agri', '農業課', 'Agriculture');"
	                      "INSERT INTO users (username, display_name, role, unit, pw_hash) VALUES "
	                      "('officer2', '林承辦', 'officer', 'social', 'x'), "
	                      "('civoff', '黃承辦', 'officer', 'civil', 'x');",
	                      err, sizeof err),
	    ERR_OK);
	long long officer2 = user_id(f, "officer2"), civoff = user_id(f, "civoff"), admin = user_id(f, "admin1");
	set_now("2026-03-10T09:00:00+08:00");
	long long old = faq_entry(f, "old-social", "social", "2025-08-22"); /* 200 days ago */
	long long edge = faq_entry(f, "edge-civil", "civil", "2025-09-11"); /* 180 days: not yet */
	long long fresh = faq_entry(f, "fresh-civil", "civil", "2026-01-05");
	long long orphan = faq_entry(f, "old-agri", "agri", "2025-02-03");   /* a unit without staff */
	long long late = petition(f, "2026-02-23", 6, "social", f->officer); /* overdue: a deadline too */

	struct sched_stats s;
	pass(f, &s);
	assert_int_equal(s.faq_stale, 2);
	assert_int_equal(s.flags, 1 + 2);
	assert_int_equal(kind_flags(f, "faq", old, "stale"), 1);
	assert_int_equal(one(f, "SELECT count(*) FROM flags WHERE item_kind = 'faq' AND ref = '2025-08-22'"), 1);
	assert_int_equal(kind_flags(f, "faq", edge, "stale") + kind_flags(f, "faq", fresh, "stale"), 0);
	/* the unit's active officers and heads: they may edit it */
	assert_int_equal(kind_notified(f, "faq", old, f->officer), 1);
	assert_int_equal(kind_notified(f, "faq", old, officer2), 1);
	assert_int_equal(kind_notified(f, "faq", old, f->head), 1);
	assert_int_equal(kind_notified(f, "faq", old, user_id(f, "gone")), 0);
	assert_int_equal(kind_notified(f, "faq", old, f->civ_head) + kind_notified(f, "faq", old, civoff), 0);
	assert_int_equal(one(f,
	                     "SELECT count(*) FROM notifications n JOIN flags g ON g.id = n.flag_id "
	                     "WHERE g.item_kind = 'faq' AND g.item_id IN (SELECT id FROM faq WHERE unit = 'social')"),
	                 3);
	/* nobody in the unit: the administrators, not the secretariat's heads (who may not edit it) */
	assert_int_equal(kind_notified(f, "faq", orphan, admin), 1);
	assert_int_equal(kind_notified(f, "faq", orphan, f->sec_head), 0);

	/* the dashboard: deadlines first, then the FAQ entry, with its question */
	struct arena *a = arena_new();
	struct notification_rec *ns;
	size_t n;
	assert_int_equal(store_notifications(f->st, a, f->officer, 50, &ns, &n), ERR_OK);
	assert_int_equal(n, 2);
	assert_string_equal(ns[0].item_kind, "petition");
	assert_string_equal(ns[1].item_kind, "faq");
	assert_string_equal(ns[1].tier, "stale");
	assert_string_equal(ns[1].item_no, "old-social");
	assert_string_equal(ns[1].ref, "2025-08-22");
	assert_string_equal(ns[1].title[LANG_ZH], "問題 old-social");
	assert_string_equal(ns[1].title[LANG_EN], "Question old-social");
	(void)late;

	/* again: nothing new */
	pass(f, &s);
	assert_int_equal(s.flags, 0);
	assert_int_equal(s.notifications, 0);

	/* reviewed between the pass's read and its write: the guard in the INSERT holds */
	long long users[] = {f->officer}, flag = -1, nids[1];
	int nn = -1;
	assert_int_equal(store_flag_raise(f->st, IK_FAQ, edge, "stale", "2025-01-01", "t", users, 1, &flag, &nn, nids),
	                 ERR_OK);
	assert_int_equal(flag, 0);

	/* an editor saves it today: a save is a review */
	struct faq_meta m;
	assert_int_equal(store_faq_meta(f->st, a, "old-social", &m), ERR_OK);
	struct faq_edit ed = {.unit = "social",
	                      .category = "roads",
	                      .question = {"問題 old-social", "Question old-social"},
	                      .answer = {"新的回答", "New answer"},
	                      .reviewed_on = "2026-03-10",
	                      .updated_by = "officer1",
	                      .updated_at = "2026-03-10T01:00:00Z"};
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_faq_update(f->st, m.id, m.rev, &ed), ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	set_now("2026-09-06T09:00:00+08:00"); /* 180 days later: not yet */
	pass(f, &s);
	assert_int_equal(kind_flags(f, "faq", old, "stale"), 1);
	set_now("2026-09-07T09:00:00+08:00"); /* 181 days later: a new flag, against the new review date */
	pass(f, &s);
	assert_int_equal(kind_flags(f, "faq", old, "stale"), 2);
	assert_int_equal(one(f, "SELECT count(*) FROM flags WHERE item_kind = 'faq' AND ref = '2026-03-10'"), 1);
	assert_int_equal(kind_notified(f, "faq", old, f->officer), 2);
	assert_int_equal(kind_notified(f, "faq", old, f->head), 2);
	pass(f, &s);
	assert_int_equal(s.flags, 0);

	/* a deleted entry raises nothing more; its notifications stay, without a slug */
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(store_faq_delete(f->st, edge), ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	long long before = one(f, "SELECT count(*) FROM flags");
	pass(f, &s);
	assert_int_equal(one(f, "SELECT count(*) FROM flags"), before);
	assert_int_equal(store_notifications(f->st, a, civoff, 50, &ns, &n), ERR_OK);
	assert_int_equal(n, 2); /* edge-civil, and fresh-civil now due too */
	for (size_t i = 0; i < n; i++)
		if (strcmp(ns[i].ref, "2025-09-11") == 0)
			assert_null(ns[i].item_no);
		else
			assert_string_equal(ns[i].item_no, "fresh-civil");
	arena_free(a);
}

/* ---- the outbox -------------------------------------------------------------- */

static void test_outbox_never_twice(void **state)
{
	struct fx *f = *state;
	char err[256];
	assert_int_equal(
	    store_exec_script(f->st,
	                      "UPDATE users SET email = 'head1@example.org' WHERE username = 'head1';"
	                      "INSERT INTO settings (key, value) VALUES ('smtp_url', 'smtp://127.0.0.1:1'),"
	                      "('smtp_from', 'bianmin@example.org');",
	                      err, sizeof err),
	    ERR_OK);
	set_now("2026-03-10T09:00:00+08:00");
	petition(f, "2026-02-23", 6, "social", f->officer);
	struct sched_opts o = {.no_mail = true};
	struct sched_stats s;
	assert_int_equal(sched_pass(f->st, &o, &s), ERR_OK);
	assert_int_equal(s.mails_queued, 1); /* the head has an address; the officer has none */
	assert_int_equal(sched_pass(f->st, &o, &s), ERR_OK);
	assert_int_equal(s.mails_queued, 0);
	assert_int_equal(one(f, "SELECT count(*) FROM outbox"), 1);
	/* a mail claimed by a process that died is not sent again */
	long long id = one(f, "SELECT id FROM outbox");
	assert_int_equal(store_outbox_claim(f->st, OUTBOX_STAFF, id), ERR_OK);
	assert_int_equal(store_outbox_claim(f->st, OUTBOX_STAFF, id), ERR_CONFLICT);
	int n;
	assert_int_equal(store_outbox_recover(f->st, OUTBOX_STAFF, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_int_equal(one(f, "SELECT state = 'failed' FROM outbox"), 1);
	struct arena *a = arena_new();
	struct outbox_rec *m;
	size_t nm;
	assert_int_equal(store_outbox_due(f->st, a, OUTBOX_STAFF, clock_now() + 86400, 10, &m, &nm), ERR_OK);
	assert_int_equal(nm, 0);
	arena_free(a);
}

/* The e-mails name each tier with the staff pages' words (tier_* in strings.tsv). */
static void test_mail_words_are_the_pages(void **state)
{
	struct fx *f = *state;
	char err[256];
	assert_int_equal(
	    store_exec_script(f->st,
	                      "UPDATE users SET email = 'head1@example.org' WHERE username = 'head1';"
	                      "INSERT INTO settings (key, value) VALUES ('smtp_url', 'smtp://127.0.0.1:1'),"
	                      "('smtp_from', 'bianmin@example.org');",
	                      err, sizeof err),
	    ERR_OK);
	set_now("2026-03-10T09:00:00+08:00");
	petition(f, "2026-02-23", 6, "social", f->officer); /* due 03-03: overdue */
	long long id = petition(f, "2026-03-02", 10, "social", f->officer);
	assert_int_equal(store_begin(f->st), ERR_OK);
	assert_int_equal(
	    store_extension_ask(f->st, IK_PETITION, id,
	                        &(struct extension_ask){f->officer, "t", "2026-03-16", "2026-03-28", "site visit", 0}),
	    ERR_OK);
	assert_int_equal(store_finish(f->st), ERR_OK);
	struct sched_opts o = {.no_mail = true};
	struct sched_stats s;
	assert_int_equal(sched_pass(f->st, &o, &s), ERR_OK);
	char *subjects = one_text(f, "SELECT group_concat(subject || ' ' || body, ' | ') FROM outbox");
	static const char *const keys[] = {"tier_overdue", "tier_extension"};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		for (int lang = 0; lang < LANG__MAX; lang++) {
			const char *w = i18n_find((enum lang)lang, keys[i]);
			assert_non_null(w);
			if (!strstr(subjects, w))
				fail_msg("no mail says \"%s\" (%s): %s", w, keys[i], subjects);
		}
	assert_null(strstr(subjects, "tier_"));
	free(subjects);
}

/* The scheduler's words come from the pages' string table, loaded once. */
static int load_strings(void **state)
{
	(void)state;
	char err[512];
	if (i18n_load("templates/strings.tsv", err, sizeof err) < 0)
		fail_msg("%s (run from the repository root)", err);
	return 0;
}

static int free_strings(void **state)
{
	(void)state;
	i18n_free();
	return 0;
}

/* ---- notice sheets due for review (issue #11): the FAQ's rule ---- */

static void test_service_review_flagged(void **state)
{
	struct fx *f = *state;
	char err[256];
	assert_int_equal(
	    store_exec_script(f->st,
	                      "INSERT INTO services (code, unit, category, name_zh, name_en, processing_days, "
	                      "reviewed_on, published) VALUES ('old-sheet', 'social', 'roads', '舊單', "
	                      "'Old sheet', 1, '2025-08-22', 1), ('hidden', 'social', 'roads', '下架', NULL, "
	                      "1, '2025-01-01', 0), ('edge', 'civil', 'roads', '邊界', NULL, 1, "
	                      "'2025-09-11', 1);",
	                      err, sizeof err),
	    ERR_OK);
	set_now("2026-03-10T09:00:00+08:00");
	long long old = one(f, "SELECT id FROM services WHERE code = 'old-sheet'");
	struct sched_stats s;
	pass(f, &s);
	assert_int_equal(s.svc_stale, 1); /* not the withdrawn one, not the one at 180 days */
	assert_int_equal(kind_flags(f, "service", old, "stale"), 1);
	assert_int_equal(one(f, "SELECT count(*) FROM flags WHERE item_kind = 'service'"), 1);
	assert_int_equal(kind_notified(f, "service", old, f->officer), 1);
	assert_int_equal(kind_notified(f, "service", old, f->head), 1);
	assert_int_equal(kind_notified(f, "service", old, f->civ_head) + kind_notified(f, "service", old, f->sec_head),
	                 0);
	struct arena *a = arena_new();
	struct notification_rec *ns;
	size_t n;
	assert_int_equal(store_notifications(f->st, a, f->officer, 50, &ns, &n), ERR_OK);
	assert_int_equal(n, 1);
	assert_string_equal(ns[0].item_kind, "service");
	assert_string_equal(ns[0].item_no, "old-sheet");
	assert_string_equal(ns[0].title[LANG_EN], "Old sheet");
	arena_free(a);
	/* again: nothing new; a review re-arms it for later */
	pass(f, &s);
	assert_int_equal(s.flags, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_daily_numbers_follow_the_newest, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pass_is_idempotent, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_killed_pass_then_rerun, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_stopped_pass_commits_whole_batches, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_extension_requests_flagged, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_case_officer_and_extension, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_closed_items_never_flagged, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_typhoon_recomputes_open_petitions, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_faq_review_flagged, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_service_review_flagged, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_outbox_never_twice, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_mail_words_are_the_pages, setup, teardown),
	};
	return cmocka_run_group_tests(tests, load_strings, free_strings);
}
