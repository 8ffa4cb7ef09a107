/*
 * test_search.c -- the search store (src/store/search.c) on a small
 * database of its own: the index follows FAQ, service and news changes in
 * the same transaction, hostile and malformed queries never fail, the loose
 * fallback, English plurals, synonyms, Markdown stripped for snippets, and
 * synonym groups as administrators type them, and the index merged into
 * one segment after edits (store_search_tidy).  Run from the repository
 * root (the migrations are read from sql/migrations).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store/catalog.h"
#include "store/search.h"
#include "store/store.h"

static char tmpdir[64] = "/tmp/bianmin-search-XXXXXX";
static char dbpath[128];
static struct store *st;

static const char fixture[] =
    "INSERT INTO units (code, name_zh, name_en, sort) VALUES ('econ', '經建課', 'Economic Development', 1),"
    " ('social', '社會課', 'Social Affairs', 2);"
    "INSERT INTO categories (code, name_zh, name_en, sort) VALUES ('lights', '路燈', 'Streetlights', 1),"
    " ('senior', '老人福利', 'Senior welfare', 2);"
    "INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, processing_days)"
    " VALUES (1, 'streetlight-repair', 'econ', 'lights', '路燈故障報修', 'Reporting a faulty streetlight',"
    " '路燈不亮請報修。', 'Report a street light that is out.', 3),"
    " (2, 'senior-card', 'social', 'senior', '敬老愛心卡申請', 'Senior Love Card', '年滿65歲可申請。',"
    " 'For people aged 65 and over.', 0);"
    "INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES"
    " (2, 1, 'doc', '國民身分證正本', 'National ID card (original)');"
    "INSERT INTO faq (slug, unit, category, question_zh, answer_zh, question_en, answer_en, keywords_zh,"
    " reviewed_on) VALUES ('light-out', 'econ', 'lights', '家門口路燈不亮要找誰？',"
    " '請**撥打 1999** 或 [線上報修](https://example.org/report)。\n- 提供燈桿編號\n- 說明地點',"
    " 'The streetlight outside is out. Who do I call?', 'Call 1999.', '路燈報修', '2025-01-01'),"
    " ('tomato', 'social', 'senior', '番茄節在哪裡報名？', '到農業課報名。', 'Where do I sign up for the"
    " Tomato Festival?', 'At the agriculture section; the farms grow tomatoes and other crops.', '', '2025-01-01');"
    "INSERT INTO news (id, unit, title_zh, body_zh, title_en, body_en, published_at) VALUES"
    " (1, 'econ', '路燈節能更新', '全區路燈換裝 LED。', 'Streetlights go LED', 'Every streetlight gets LED.',"
    " '2026-01-01T00:00:00Z');";

static int setup(void **state)
{
	(void)state;
	char err[512];
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/t.db", tmpdir);
	st = store_create(dbpath, err, sizeof err);
	if (!st || store_migrate(st, ".", err, sizeof err) != ERR_OK ||
	    store_exec_script(st, fixture, err, sizeof err) != ERR_OK) {
		fprintf(stderr, "setup: %s\n", err);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(st);
	char path[160];
	static const char *const files[] = {"t.db", "t.db-wal", "t.db-shm"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", tmpdir, files[i]);
		unlink(path);
	}
	rmdir(tmpdir);
	return 0;
}

/* "kind:ref kind:ref" of the hits of q, best first. */
static void found(const char *q, size_t n, enum lang lang, char *out, size_t outsz, bool *loose)
{
	struct arena *a = arena_new();
	struct search_result r;
	assert_int_equal(store_search(st, a, q, n, lang, &r), ERR_OK);
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < r.n; i++)
		len += (size_t)snprintf(out + len, outsz - len, "%s%s:%s", i ? " " : "",
		                        search_kind_name(r.hits[i].kind), r.hits[i].ref);
	if (loose)
		*loose = r.loose;
	arena_free(a);
}

static bool has(const char *q, enum lang lang, const char *item)
{
	char got[1024];
	found(q, strlen(q), lang, got, sizeof got, NULL);
	return strstr(got, item) != NULL;
}

static void test_finds_each_kind(void **state)
{
	(void)state;
	char got[1024];
	found("路燈", strlen("路燈"), LANG_ZH, got, sizeof got, NULL);
	assert_non_null(strstr(got, "service:streetlight-repair"));
	assert_non_null(strstr(got, "faq:light-out"));
	assert_non_null(strstr(got, "news:1"));
	/* news counts less than an answer or a notice sheet */
	assert_true(strstr(got, "news:1") > strstr(got, "service:streetlight-repair"));
	assert_true(has("streetlight", LANG_EN, "service:streetlight-repair"));
	assert_true(has("身分證", LANG_ZH, "service:senior-card")); /* a required item */
	assert_true(has("路燈報修", LANG_ZH, "faq:light-out"));     /* FAQ keywords */
}

static void test_one_row_per_item(void **state)
{
	(void)state;
	/* 1999 is in both languages' rows of light-out: one hit, in the visitor's language */
	struct arena *a = arena_new();
	struct search_result r;
	assert_int_equal(store_search(st, a, "1999", 4, LANG_EN, &r), ERR_OK);
	size_t n = 0;
	for (size_t i = 0; i < r.n; i++)
		if (r.hits[i].kind == SEARCH_FAQ && strcmp(r.hits[i].ref, "light-out") == 0) {
			n++;
			assert_int_equal(r.hits[i].lang, LANG_EN);
		}
	assert_int_equal(n, 1);
	arena_free(a);
}

static void test_index_follows_edits(void **state)
{
	(void)state;
	assert_false(has("鯨魚", LANG_ZH, "faq:"));
	struct faq_edit f = {
	    .slug = "whale",
	    .unit = "econ",
	    .category = "lights",
	    .question = {"鯨魚會游到路竹嗎？", "Do whales swim to Luzhu?"},
	    .answer = {"不會。", "No."},
	    .keywords_zh = "",
	    .reviewed_on = "2026-01-01",
	    .updated_by = "test",
	    .updated_at = "2026-01-01T00:00:00Z",
	};
	long long id;
	assert_int_equal(store_begin(st), ERR_OK);
	assert_int_equal(store_faq_create(st, &f, &id), ERR_OK);
	assert_int_equal(store_finish(st), ERR_OK);
	assert_true(has("鯨魚", LANG_ZH, "faq:whale"));
	assert_true(has("whales", LANG_EN, "faq:whale"));

	/* an edit replaces the words; a stale revision is refused */
	struct arena *a = arena_new();
	struct faq_meta m;
	assert_int_equal(store_faq_meta(st, a, "whale", &m), ERR_OK);
	f.question[LANG_ZH] = "海豚會游到路竹嗎？";
	assert_int_equal(store_begin(st), ERR_OK);
	assert_int_equal(store_faq_update(st, id, m.rev, &f), ERR_OK);
	assert_int_equal(store_finish(st), ERR_OK);
	assert_int_equal(store_faq_update(st, id, m.rev, &f), ERR_CONFLICT);
	assert_true(has("海豚", LANG_ZH, "faq:whale"));
	assert_false(has("鯨魚", LANG_ZH, "faq:whale"));

	/* a rolled-back change leaves the index as it was */
	assert_int_equal(store_begin(st), ERR_OK);
	assert_int_equal(store_faq_delete(st, id), ERR_OK);
	assert_int_equal(store_fail(st, ERR_INVAL), ERR_INVAL);
	assert_int_equal(store_finish(st), ERR_INVAL);
	assert_true(has("海豚", LANG_ZH, "faq:whale"));
	assert_int_equal(store_begin(st), ERR_OK);
	assert_int_equal(store_faq_delete(st, id), ERR_OK);
	assert_int_equal(store_finish(st), ERR_OK);
	assert_false(has("海豚", LANG_ZH, "faq:whale"));
	assert_int_equal(store_faq_delete(st, id), ERR_NOTFOUND);

	/* services: their items, and the names shown with hits */
	char err[256];
	assert_int_equal(store_exec_script(st,
	                                   "INSERT INTO service_items (service_id, seq, kind, text_zh) VALUES "
	                                   "(1, 1, 'doc', '燈桿編號照片');"
	                                   "UPDATE units SET name_zh = '經濟建設課' WHERE code = 'econ';",
	                                   err, sizeof err),
	                 ERR_OK);
	assert_true(has("燈桿編號照片", LANG_ZH, "service:streetlight-repair"));
	struct search_result r;
	assert_int_equal(store_search(st, a, "路燈故障", strlen("路燈故障"), LANG_ZH, &r), ERR_OK);
	assert_true(r.n > 0);
	assert_string_equal(r.hits[0].meta, "經濟建設課");
	assert_int_equal(store_exec_script(st, "DELETE FROM services WHERE id = 1;", err, sizeof err), ERR_OK);
	assert_false(has("路燈故障", LANG_ZH, "service:streetlight-repair"));
	assert_int_equal(store_exec_script(st, "UPDATE news SET title_zh = '颱風停班' WHERE id = 1;", err, sizeof err),
	                 ERR_OK);
	assert_true(has("颱風", LANG_ZH, "news:1"));
	arena_free(a);
}

static void test_hostile_queries(void **state)
{
	(void)state;
	static const char *const qs[] = {
	    "\"",
	    "\"\"",
	    "*",
	    "-",
	    "OR",
	    "AND",
	    "NOT",
	    "NEAR(",
	    "NEAR(a b, 2)",
	    "()",
	    ")(",
	    "^",
	    ":",
	    "{title}: x",
	    "title:路燈",
	    "a OR b",
	    "\"路燈",
	    "路燈*",
	    "-路燈",
	    "\\",
	    "'",
	    "%",
	    "　",
	    "",
	    "   ",
	    "\xff\xfe",
	    "\xe8\xb7",
	    "路\xc0\x80燈",
	    "\xed\xa0\x80",
	    "\xf4\x90\x80\x80",
	    "\x01\x02\x1b[31m",
	};
	char got[4096];
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++)
		found(qs[i], strlen(qs[i]), LANG_ZH, got, sizeof got, NULL);
	/* 2,000 characters of mixed junk, and a NUL inside */
	char junk[6001];
	for (size_t i = 0; i < 2000; i++)
		memcpy(junk + 3 * i, i % 3 == 0 ? "路\"*" : i % 3 == 1 ? "燈()" : "OR ", 3);
	junk[6000] = '\0';
	found(junk, 6000, LANG_ZH, got, sizeof got, NULL);
	found("路\0燈", 5, LANG_ZH, got, sizeof got, NULL);
	assert_true(has("路燈\"OR\"", LANG_ZH, "service:streetlight-repair") ||
	            has("路燈\"OR\"", LANG_ZH, "faq:light-out"));
}

static void test_loose_fallback(void **state)
{
	(void)state;
	char got[1024];
	bool loose = false;
	const char *q = "我家門口的路燈壞掉了怎麼辦";
	found(q, strlen(q), LANG_ZH, got, sizeof got, &loose);
	assert_true(loose);
	assert_non_null(strstr(got, "faq:light-out"));
	found("路燈", strlen("路燈"), LANG_ZH, got, sizeof got, &loose);
	assert_false(loose);
}

static void test_plurals_and_synonyms(void **state)
{
	(void)state;
	assert_true(has("crop", LANG_EN, "faq:tomato")); /* crops in the text */
	assert_true(has("festivals", LANG_EN, "faq:tomato"));
	assert_true(has("身份證", LANG_ZH, "service:senior-card")); /* seeded 身分證|身份證 */
	assert_true(has("老人乘車證", LANG_ZH, "service:senior-card"));
	long long id;
	assert_false(has("阿罩霧", LANG_ZH, "faq:tomato"));
	assert_int_equal(store_begin(st), ERR_OK);
	assert_int_equal(store_synonym_add(st, "阿罩霧|番茄", "test", &id), ERR_OK);
	assert_int_equal(store_finish(st), ERR_OK);
	assert_int_equal(store_synonym_add(st, "阿罩霧|番茄", "test", NULL), ERR_CONFLICT);
	assert_true(has("阿罩霧", LANG_ZH, "faq:tomato"));
	struct arena *a = arena_new();
	const char *was;
	assert_int_equal(store_begin(st), ERR_OK);
	assert_int_equal(store_synonym_delete(st, a, id, &was), ERR_OK);
	assert_int_equal(store_finish(st), ERR_OK);
	assert_int_equal(store_synonym_delete(st, a, id, &was), ERR_NOTFOUND);
	assert_string_equal(was, "阿罩霧|番茄");
	assert_false(has("阿罩霧", LANG_ZH, "faq:tomato"));
	arena_free(a);
}

static void test_plain_text(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(search_plain_text(a, "# 標題\n**粗體** 與 *斜體*"), "  標題\n粗體 與 斜體");
	assert_string_equal(search_plain_text(a, "請見 [說明](https://x.tw/a(b)) 與 ![圖](i.png)"), "請見 說明 與 圖");
	assert_string_equal(search_plain_text(a, "- 一\n- 二\n1. 三"), "  一\n  二\n  三");
	assert_string_equal(search_plain_text(a, "a <b>c</b> <https://x.tw>"), "a c https://x.tw");
	assert_string_equal(search_plain_text(a, "5 \\* 3 `code`"), "5 * 3 code");
	assert_string_equal(search_plain_text(a, NULL), "");
	assert_string_equal(search_plain_text(a, "a < b [未完"), "a < b 未完");
	assert_string_equal(search_plain_text(a, "> - 引用清單"), "    引用清單");
	arena_free(a);
}

static void test_synonym_normalize(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(search_synonym_normalize(a, " 身分證 ｜身份證 "), "身分證|身份證");
	assert_string_equal(search_synonym_normalize(a, "敬老卡, 老人乘車證、敬老卡，敬老愛心卡"),
	                    "敬老卡|老人乘車證|敬老愛心卡");
	assert_string_equal(search_synonym_normalize(a, "street light|streetlight"), "street light|streetlight");
	assert_null(search_synonym_normalize(a, "只有一個"));
	assert_null(search_synonym_normalize(a, "a|a"));
	assert_null(search_synonym_normalize(a, "路燈|***"));
	assert_null(search_synonym_normalize(a, ""));
	assert_null(search_synonym_normalize(a, "路燈|\xff"));
	assert_null(search_synonym_normalize(
	    a, "路燈|一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"));
	arena_free(a);
}

/* A second connection gets the rank function on its first search too. */
static void test_second_connection(void **state)
{
	(void)state;
	char err[256];
	struct store *other = store_open(dbpath, err, sizeof err);
	assert_non_null(other);
	struct arena *a = arena_new();
	struct search_result r;
	assert_int_equal(store_search(other, a, "路燈", strlen("路燈"), LANG_ZH, &r), ERR_OK);
	assert_true(r.n > 0);
	assert_int_equal(store_search(st, a, "路燈", strlen("路燈"), LANG_ZH, &r), ERR_OK);
	assert_true(r.n > 0);
	store_close(other);
	arena_free(a);
}

/* Rows of the index's b-tree of segments, read beside the store like another process would. */
static long long index_pages(void)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long n = -1;
	if (sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM search_index_data", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return n;
}

static void test_tidy_merges_the_index(void **state)
{
	(void)state;
	/* forty edits, each its own transaction as staff make them: forty small segments, some merged */
	for (int i = 0; i < 40; i++) {
		char slug[32], q[128];
		snprintf(slug, sizeof slug, "tidy-%02d", i);
		snprintf(q, sizeof q, "第%d盞路燈為什麼閃爍？", i);
		struct faq_edit f = {
		    .slug = slug,
		    .unit = "econ",
		    .category = "lights",
		    .question = {q, "Why does the streetlight flicker?"},
		    .answer = {"請報修。", "Report it."},
		    .keywords_zh = "閃爍",
		    .reviewed_on = "2026-01-01",
		    .updated_by = "test",
		    .updated_at = "2026-01-01T00:00:00Z",
		};
		assert_int_equal(store_begin(st), ERR_OK);
		assert_int_equal(store_faq_create(st, &f, NULL), ERR_OK);
		assert_int_equal(store_finish(st), ERR_OK);
	}
	char before[4096], after[4096];
	bool loose;
	found("路燈閃爍", strlen("路燈閃爍"), LANG_ZH, before, sizeof before, &loose);
	long long pages = index_pages();

	assert_int_equal(store_search_tidy(st), ERR_OK);
	long long merged = index_pages();
	assert_true(merged > 0);
	assert_true(merged < pages);
	found("路燈閃爍", strlen("路燈閃爍"), LANG_ZH, after, sizeof after, &loose);
	assert_string_equal(after, before); /* the same hits in the same order */
	assert_true(has("第39盞", LANG_ZH, "faq:tidy-39"));

	/* nothing changed since: nothing to do */
	assert_int_equal(store_search_tidy(st), ERR_OK);
	assert_int_equal(index_pages(), merged);
}

/* A change by another connection (another process, in production) shows in the content generation at once. */
static void test_content_gen_sees_other_writers(void **state)
{
	(void)state;
	char err[256];
	struct store *other = store_open(dbpath, err, sizeof err);
	assert_non_null(other);
	long long g = store_content_gen(st);
	assert_true(g > 0);
	assert_int_equal(store_content_gen(st), g); /* nothing changed */

	char err2[256];
	assert_int_equal(
	    store_exec_script(other, "CREATE TABLE scratch (x); INSERT INTO scratch VALUES (1)", err2, sizeof err2),
	    ERR_OK);
	assert_int_equal(store_content_gen(st), g); /* a write, but not to public content */

	assert_int_equal(store_exec_script(other,
	                                   "INSERT INTO units (code, name_zh, name_en, sort) "
	                                   "VALUES ('gen-test', '測試課', 'Test', 9)",
	                                   err2, sizeof err2),
	                 ERR_OK);
	long long after = store_content_gen(st);
	assert_true(after > g);
	assert_int_equal(store_content_gen(st), after);
	assert_int_equal(store_content_gen(other), after);
	store_close(other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_finds_each_kind),
	    cmocka_unit_test(test_one_row_per_item),
	    cmocka_unit_test(test_hostile_queries),
	    cmocka_unit_test(test_loose_fallback),
	    cmocka_unit_test(test_plurals_and_synonyms),
	    cmocka_unit_test(test_plain_text),
	    cmocka_unit_test(test_synonym_normalize),
	    cmocka_unit_test(test_second_connection),
	    cmocka_unit_test(test_index_follows_edits),
	    cmocka_unit_test(test_tidy_merges_the_index),
	    cmocka_unit_test(test_content_gen_sees_other_writers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
